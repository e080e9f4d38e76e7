package wales.safeguarding.schemas.envelope;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The language a message or notice is written in. */
public enum Language {
    EN("en"),
    CY("cy");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Language> fromCode(String s) {
        return Arrays.stream(values()).filter(l -> l.code.equals(s)).findFirst();
    }

    @JsonCreator
    public static Language ofCode(String s) {
        return fromCode(s).orElseThrow(() -> new IllegalArgumentException("unknown language: " + s));
    }

    @Override
    public String toString() {
        return code;
    }
}

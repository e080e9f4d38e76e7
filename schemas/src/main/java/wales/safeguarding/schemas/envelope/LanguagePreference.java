package wales.safeguarding.schemas.envelope;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * A person's or agency's preferred language. {@code UNKNOWN} is not a default to English: under
 * the active offer, a recipient whose preference is unknown gets the Welsh and English versions
 * together.
 */
public enum LanguagePreference {
    EN("en"),
    CY("cy"),
    UNKNOWN("unknown");

    private final String code;

    LanguagePreference(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<LanguagePreference> fromCode(String s) {
        return Arrays.stream(values()).filter(l -> l.code.equals(s)).findFirst();
    }

    @JsonCreator
    public static LanguagePreference ofCode(String s) {
        return fromCode(s).orElseThrow(() -> new IllegalArgumentException("unknown language preference: " + s));
    }

    @Override
    public String toString() {
        return code;
    }
}

package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A postal address. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(List<String> lines, String postcode) {

    public Address {
        lines = lines == null ? null : List.copyOf(lines);
    }
}

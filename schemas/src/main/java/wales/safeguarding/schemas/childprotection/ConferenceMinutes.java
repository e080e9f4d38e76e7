package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code conference-minutes}: the full record of a conference. On the wire the flag is
 * {@code final} (a Java keyword, hence {@code isFinal}); false while corrections may still come.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConferenceMinutes(
        String conferenceId,
        DocumentContent minutes,
        @JsonProperty("final") boolean isFinal) {}

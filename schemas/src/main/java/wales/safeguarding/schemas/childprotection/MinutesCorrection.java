package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code minutes-correction}: a correction to a conference's minutes (correlationId names them). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MinutesCorrection(String conferenceId, String correction, String correctedSection) {}

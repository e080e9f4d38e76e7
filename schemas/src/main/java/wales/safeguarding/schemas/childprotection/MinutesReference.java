package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/** The latest conference record, by reference: the conference, and the message that carried it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MinutesReference(String conferenceId, UUID messageId, LocalDate heldOn) {}

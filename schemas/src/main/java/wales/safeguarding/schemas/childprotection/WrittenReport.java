package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** The written report asked of each invitee before a conference; {@code dueBy} is set when requested. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WrittenReport(boolean requested, OffsetDateTime dueBy) {}

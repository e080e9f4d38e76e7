package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Children's services' decision on next actions about a duty-to-report, recorded in their
 * acknowledgement: {@code decision} is strategy-discussion, section-47-enquiry,
 * care-and-support-assessment, information-and-advice or no-further-action.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NextActionsDecision(String decision, OffsetDateTime decidedAt, String summary) {}

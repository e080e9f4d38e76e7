package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Body of {@code report-outcome}: what children's services decided about the report
 * (correlationId names it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportOutcome(
        String decision,
        String summary,
        OffsetDateTime decidedAt,
        Practitioner decidedBy,
        String councilReference) {}

package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Body of {@code report-acknowledgement}: children's services have received the report
 * (correlationId names it). Without {@code nextActionsDecision} it is a receipt only; with it, it
 * also records their decision on next actions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportAcknowledgement(
        OffsetDateTime receivedAt,
        String councilReference,
        Practitioner acknowledgedBy,
        NextActionsDecision nextActionsDecision) {}

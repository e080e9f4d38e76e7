package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Body of {@code health-alert}: e.g. a self-harm incident or a mental-health risk assessment and
 * safety plan. {@code clinicalDetail} reaches only GP practices, health boards and the council.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthAlert(
        String kind,
        OffsetDateTime occurredAt,
        String summary,
        String safetyPlan,
        String riskLevel,
        String clinicalDetail,
        ChildRef child) {}

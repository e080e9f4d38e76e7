package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * Body of {@code school-alert}: an incident, a disclosure or a pattern of absence at school;
 * {@code healthRelevant} sends it to the GP practice too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchoolAlert(
        String kind,
        OffsetDateTime occurredAt,
        String summary,
        boolean healthRelevant,
        ChildRef child) {}

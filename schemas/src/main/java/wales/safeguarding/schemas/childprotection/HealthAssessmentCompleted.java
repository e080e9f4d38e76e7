package wales.safeguarding.schemas.childprotection;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code health-assessment}: a health agency completed a child's health assessment that a conference set as
 * an action (recommendation 1.7); {@code unmetHealthNeeds} (possibly empty) reach children's services and the core
 * group.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthAssessmentCompleted(ChildRef child, LocalDate completedOn, List<String> unmetHealthNeeds,
        String summary) {

    public HealthAssessmentCompleted {
        unmetHealthNeeds = unmetHealthNeeds == null ? null : List.copyOf(unmetHealthNeeds);
    }
}

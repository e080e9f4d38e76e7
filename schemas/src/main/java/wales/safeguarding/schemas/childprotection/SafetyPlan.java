package wales.safeguarding.schemas.childprotection;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code safety-plan}: children's services' interim safety plan for the time between the decision to convene
 * an initial child protection conference and the conference (2023 review, recommendation 6.2): what each agency does
 * until {@code conferenceDueBy}. A new plan with the same {@code planId} replaces the earlier one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafetyPlan(
        String planId,
        LocalDate conferenceDueBy,
        String summary,
        List<Action> actions,
        List<ChildRef> children) {

    public SafetyPlan {
        actions = actions == null ? null : List.copyOf(actions);
        children = children == null ? null : List.copyOf(children);
    }

    /** One agency's part of the plan: {@code owner} is its hub agency id; {@code dueBy} may be left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(String action, String owner, LocalDate dueBy) {
    }
}

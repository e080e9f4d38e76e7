package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The conference's decision for one child of a sibling group, in an {@code outline-plan}.
 * {@code categoriesOfHarm} is set when {@code registered}; {@code eligibleNeeds} and
 * {@code contingencyPlan} are what recommendation 1.2 asks for when this child comes off the
 * register.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildDecision(
        ChildRef child,
        boolean registered,
        List<String> categoriesOfHarm,
        String eligibleNeeds,
        String contingencyPlan,
        HealthAssessment healthAssessment,
        Participation participation) {

    public ChildDecision {
        categoriesOfHarm = categoriesOfHarm == null ? null : List.copyOf(categoriesOfHarm);
    }

    /** A decision without the child's health assessment. */
    public ChildDecision(ChildRef child, boolean registered, List<String> categoriesOfHarm, String eligibleNeeds,
            String contingencyPlan) {
        this(child, registered, categoriesOfHarm, eligibleNeeds, contingencyPlan, null, null);
    }

    /** A decision that does not record how the child took part. */
    public ChildDecision(ChildRef child, boolean registered, List<String> categoriesOfHarm, String eligibleNeeds,
            String contingencyPlan, HealthAssessment healthAssessment) {
        this(child, registered, categoriesOfHarm, eligibleNeeds, contingencyPlan, healthAssessment, null);
    }
}

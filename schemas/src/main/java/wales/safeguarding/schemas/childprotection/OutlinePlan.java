package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code outline-plan}: the outline plan and summary of decisions of a conference, for
 * every invitee and core group member whether or not they attended. {@code categoriesOfHarm} is
 * set when {@code registered}. {@code eligibleNeeds} and {@code contingencyPlan} are what
 * recommendation 1.2 asks for when a child comes off the register (the hub requires them then; the
 * schema cannot know the child's state). {@code children}, for a sibling group, gives the decision
 * for each child; when it is null the top-level {@code registered} and {@code categoriesOfHarm}
 * apply to every child of the case. {@code healthAssessment} and {@code participation} (how the child took part)
 * are every child's when {@code children} is null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutlinePlan(
        String conferenceId,
        LocalDate heldOn,
        String outlinePlan,
        List<String> decisions,
        boolean registered,
        List<String> categoriesOfHarm,
        List<String> attended,
        LocalDate nextConferenceDate,
        List<Invitee> coreGroup,
        String eligibleNeeds,
        String contingencyPlan,
        List<ChildDecision> children,
        HealthAssessment healthAssessment,
        Participation participation) {

    public OutlinePlan {
        decisions = decisions == null ? null : List.copyOf(decisions);
        categoriesOfHarm = categoriesOfHarm == null ? null : List.copyOf(categoriesOfHarm);
        attended = attended == null ? null : List.copyOf(attended);
        coreGroup = coreGroup == null ? null : List.copyOf(coreGroup);
        children = children == null ? null : List.copyOf(children);
    }

    /** An outline plan with one decision for every child of the case and nothing for 1.2 (contract 1.0). */
    public OutlinePlan(String conferenceId, LocalDate heldOn, String outlinePlan, List<String> decisions,
            boolean registered, List<String> categoriesOfHarm, List<String> attended, LocalDate nextConferenceDate,
            List<Invitee> coreGroup) {
        this(conferenceId, heldOn, outlinePlan, decisions, registered, categoriesOfHarm, attended, nextConferenceDate,
                coreGroup, null, null, null, null, null);
    }

    /** An outline plan without health assessments. */
    public OutlinePlan(String conferenceId, LocalDate heldOn, String outlinePlan, List<String> decisions,
            boolean registered, List<String> categoriesOfHarm, List<String> attended, LocalDate nextConferenceDate,
            List<Invitee> coreGroup, String eligibleNeeds, String contingencyPlan, List<ChildDecision> children) {
        this(conferenceId, heldOn, outlinePlan, decisions, registered, categoriesOfHarm, attended, nextConferenceDate,
                coreGroup, eligibleNeeds, contingencyPlan, children, null, null);
    }

    /** An outline plan that does not record how the children took part. */
    public OutlinePlan(String conferenceId, LocalDate heldOn, String outlinePlan, List<String> decisions,
            boolean registered, List<String> categoriesOfHarm, List<String> attended, LocalDate nextConferenceDate,
            List<Invitee> coreGroup, String eligibleNeeds, String contingencyPlan, List<ChildDecision> children,
            HealthAssessment healthAssessment) {
        this(conferenceId, heldOn, outlinePlan, decisions, registered, categoriesOfHarm, attended, nextConferenceDate,
                coreGroup, eligibleNeeds, contingencyPlan, children, healthAssessment, null);
    }
}

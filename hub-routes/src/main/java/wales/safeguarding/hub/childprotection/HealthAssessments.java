package wales.safeguarding.hub.childprotection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.schemas.childprotection.HealthAssessment;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The children's health assessments an outline plan records (2023 review, recommendation 1.7: "an action to complete
 * the child's health assessment" recorded at the initial conference when it could not be done before):
 * <ul>
 * <li>an action's owner is a health agency in the directory (a GP practice, a health board, its health visiting or
 * school nursing service), else the outline plan is refused ({@code health-agency});</li>
 * <li>the owner receives the outline plan, whether or not it was an invitee;</li>
 * <li>the action is a {@value #CLOCK} clock owed by the owner, waited for by the council, due at the end of its
 * {@code dueBy} day (UK time), reminded and escalated like any other, and met by the owner's
 * {@code health-assessment} ({@link HealthAssessmentRules}).</li>
 * </ul>
 */
final class HealthAssessments {

    static final String CLOCK = "health-assessment";
    /** The agency kinds that complete a child's health assessment. */
    static final Set<AgencyKind> HEALTH = EnumSet.of(AgencyKind.GP_PRACTICE, AgencyKind.HEALTH_BOARD,
            AgencyKind.HEALTH_VISITING, AgencyKind.SCHOOL_NURSING);

    private HealthAssessments() {
    }

    /** Why the health assessment actions cannot be tracked: an owner that is not a health agency the hub knows. */
    static List<Violation> violations(List<RegisterDecisions.Decision> decisions, Directory directory) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RegisterDecisions.Decision d : decisions) {
            HealthAssessment assessment = d.healthAssessment();
            if (assessment == null || !assessment.actionSet()) {
                continue;
            }
            String pointer = d.pointer() + "/healthAssessment/owner";
            boolean health = directory.find(assessment.owner()).map(Agency::kind).filter(HEALTH::contains).isPresent();
            if (!health && seen.add(pointer)) {
                violations.add(new Violation(pointer, "health-agency", "the health assessment's owner '"
                        + assessment.owner() + "' is not a GP practice, health board, health visiting or school "
                        + "nursing service in the directory"));
            }
        }
        return violations;
    }

    /** The owners of the plan's health assessment actions, each once. */
    static List<String> owners(List<RegisterDecisions.Decision> decisions) {
        Set<String> owners = new LinkedHashSet<>();
        for (RegisterDecisions.Decision d : decisions) {
            if (d.healthAssessment() != null && d.healthAssessment().actionSet()) {
                owners.add(d.healthAssessment().owner());
            }
        }
        return new ArrayList<>(owners);
    }

    /** A clock for each action set, unless the child's owner already owes one (an outline plan sent again). */
    static List<Effect> clocks(CaseFacts facts, String caseReference, String council,
            List<RegisterDecisions.Decision> decisions, Instant at) {
        List<Effect> effects = new ArrayList<>();
        for (RegisterDecisions.Decision d : decisions) {
            HealthAssessment assessment = d.healthAssessment();
            if (assessment == null || !assessment.actionSet()) {
                continue;
            }
            boolean running = facts.runningClocks(caseReference, CLOCK, d.key()).stream()
                    .anyMatch(k -> assessment.owner().equals(k.owedBy()));
            if (!running) {
                effects.add(new Effect.StartClockUntil(CLOCK, caseReference, d.key(), assessment.owner(), council, at,
                        WorkingDayCalendar.endOf(assessment.dueBy())));
            }
        }
        return effects;
    }
}

package wales.safeguarding.hub.childprotection;

import static wales.safeguarding.hub.childprotection.MessageParts.body;
import static wales.safeguarding.hub.childprotection.MessageParts.children;
import static wales.safeguarding.hub.childprotection.MessageParts.named;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.SafetyPlan;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The interim safety plan between the decision to convene an initial child protection conference and the conference
 * (2023 review, recommendation 6.2: partners contribute to "a robust and active safety plan between the time a
 * decision is made to convene a child protection conference and the actual date of the conference").
 * <ul>
 * <li>Only children's services send it, for a case they hold.</li>
 * <li>It reaches every agency with a part in it: each action's owner (an owner the directory does not know is refused,
 * {@code known-agency}), every invitee of the case's conferences and every party of its strategy discussions, and
 * whoever the council names; the hub adds those the council left out and says so
 * ({@code safety-plan-parties-added}).</li>
 * <li>Partners answer with an {@code acknowledgement}, which may carry their contribution (to the council only).</li>
 * <li>Its parties are remembered with the case: an initial conference invitation for a child at immediate risk
 * without a safety plan is noted to the council ({@link ConferenceRules}, {@code safety-plan-missing}).</li>
 * </ul>
 */
@ApplicationScoped
public class SafetyPlanRules implements FlowRules {

    private final CaseParties parties;

    public SafetyPlanRules(CaseParties parties) {
        this.parties = parties;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.SAFETY_PLAN);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        var refusal = parties.councilSends(message, known);
        if (refusal.isPresent()) {
            return Routing.refused(refusal.get());
        }
        SafetyPlan body = body(message, SafetyPlan.class);
        Set<String> owed = new LinkedHashSet<>();
        List<SafetyPlan.Action> actions = body.actions() == null ? List.of() : body.actions();
        for (int i = 0; i < actions.size(); i++) {
            String owner = actions.get(i).owner();
            if (parties.directory().find(owner).isEmpty()) {
                return Routing.refused(new Violation("/body/actions/" + i + "/owner", "known-agency",
                        "agency '" + owner + "' is not in the directory"));
            }
            owed.add(owner);
        }
        owed.addAll(facts.invitees(message.caseReference(), null));
        owed.addAll(facts.strategyDiscussion(message.caseReference(), null));
        owed.remove(message.sender());
        List<String> to = new ArrayList<>(named(message));
        List<String> added = new ArrayList<>();
        for (String party : owed) {
            if (!to.contains(party)) {
                to.add(party);
                added.add(party);
            }
        }
        List<ComplianceNote> notes = added.isEmpty() ? List.of() : List.of(ComplianceNotes.safetyPlanPartiesAdded(added));
        return new Routing(to, List.of(), notes);
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        SafetyPlan body = body(message, SafetyPlan.class);
        List<Effect> effects = new ArrayList<>(parties.rememberChildren(message, children(body.children()), facts));
        effects.add(new Effect.AddMembers(message.caseReference(), Effect.AddMembers.SAFETY_PLAN, body.planId(),
                message.recipients()));
        return effects;
    }
}

package wales.safeguarding.hub.childprotection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.ChildCase;
import wales.safeguarding.hub.rules.ComplianceNote;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.PlanUpdate;
import wales.safeguarding.schemas.childprotection.RegisterChange;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The child protection register and the care and support protection plan.
 * <ul>
 * <li>A register change reaches the child's GP practice (so the GP record shows it), school and police force, as
 * well as whoever the council names; a gap is recorded, never silent. (A removal without the child's eligible care
 * and support needs and a contingency plan is refused by the contract itself.)</li>
 * <li>A plan update reaches the core group. It is the core group's record of its meeting, so it meets the core group
 * clock and starts the next: the first within 10 working days of the registering conference, then every 6 weeks.</li>
 * <li>Removal from the register ends the core group and review clocks.</li>
 * </ul>
 */
@ApplicationScoped
public class RegisterRules implements FlowRules {

    static final String FIRST_CORE_GROUP = "first-core-group";
    static final String CORE_GROUP = "core-group";

    private final CaseParties parties;

    public RegisterRules(CaseParties parties) {
        this.parties = parties;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.REGISTER_CHANGE, MessageType.PLAN_UPDATE);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        Optional<ChildCase> known = facts.caseOf(message.caseReference());
        var refusal = parties.councilSends(message, known);
        if (refusal.isPresent()) {
            return Routing.refused(refusal.get());
        }
        if (message.type() == MessageType.PLAN_UPDATE) {
            Set<String> coreGroup = new LinkedHashSet<>(facts.coreGroup(message.caseReference()));
            coreGroup.remove(message.sender());
            return Routing.to(new ArrayList<>(coreGroup));
        }
        RegisterChange body = ConferenceRules.body(message, RegisterChange.class);
        List<String> to = new ArrayList<>();
        List<ComplianceNote> notes = new ArrayList<>();
        reach(ComplianceNotes.Party.GP_PRACTICE, parties.gpPractice(body.child(), known), message, to, notes);
        reach(ComplianceNotes.Party.SCHOOL, parties.school(body.child(), known), message, to, notes);
        reach(ComplianceNotes.Party.POLICE_FORCE, parties.policeForce(body.child(), body.policeForce(), known), message,
                to, notes);
        return new Routing(to, List.of(), notes);
    }

    private static void reach(ComplianceNotes.Party who, Optional<String> agency, Envelope message, List<String> to,
            List<ComplianceNote> notes) {
        if (agency.isEmpty()) {
            notes.add(ComplianceNotes.registerChangeGap(who));
            return;
        }
        to.add(agency.get());
        List<String> named = message.recipients() == null ? List.of() : message.recipients();
        if (!named.isEmpty() && !named.contains(agency.get())) {
            notes.add(ComplianceNotes.registerChangeAdded(who, agency.get()));
        }
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        String caseRef = message.caseReference();
        Optional<ChildCase> known = facts.caseOf(caseRef);
        List<Effect> effects = new ArrayList<>();
        if (message.type() == MessageType.PLAN_UPDATE) {
            boolean met = running(facts, caseRef, FIRST_CORE_GROUP) || running(facts, caseRef, CORE_GROUP);
            effects.add(new Effect.StopClocks(FIRST_CORE_GROUP, caseRef, null, null));
            effects.add(new Effect.StopClocks(CORE_GROUP, caseRef, null, null));
            if (met || known.map(ChildCase::registered).orElse(false)) {
                effects.add(coreGroupClock(message, CORE_GROUP, at));
            }
            PlanUpdate body = ConferenceRules.body(message, PlanUpdate.class);
            effects.add(new Effect.RememberCase(caseRef, message.sender(),
                    parties.gpPractice(body.child(), known).orElse(null), parties.school(body.child(), known).orElse(null),
                    null));
            return effects;
        }
        RegisterChange body = ConferenceRules.body(message, RegisterChange.class);
        effects.add(new Effect.RememberCase(caseRef, message.sender(), parties.gpPractice(body.child(), known).orElse(null),
                parties.school(body.child(), known).orElse(null),
                parties.policeForce(body.child(), body.policeForce(), known).orElse(null)));
        if ("added".equals(body.change())) {
            effects.add(new Effect.SetRegistered(caseRef, true));
        } else {
            effects.addAll(endPlan(caseRef));
        }
        return effects;
    }

    /** A core group clock ({@code first-core-group} or {@code core-group}) owed by the council, from {@code from}. */
    static Effect coreGroupClock(Envelope message, String clock, Instant from) {
        return new Effect.StartClock(clock, message.caseReference(), null, message.sender(), message.sender(), from);
    }

    /** True while a clock of this name runs for the case. */
    static boolean running(CaseFacts facts, String caseReference, String clock) {
        return !facts.runningClocks(caseReference, clock, null).isEmpty();
    }

    /** The child is no longer on the register: no more core groups or review conferences are owed. */
    static List<Effect> endPlan(String caseReference) {
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.SetRegistered(caseReference, false));
        for (String clock : List.of(FIRST_CORE_GROUP, CORE_GROUP, ConferenceRules.FIRST_REVIEW, ConferenceRules.REVIEW)) {
            effects.add(new Effect.StopClocks(clock, caseReference, null, null));
        }
        return effects;
    }
}

package wales.safeguarding.hub.childprotection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
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
 * <li>Removal from the register ends the child's core group and review clocks (a sibling's run on).</li>
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
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        var refusal = parties.councilSends(message, known);
        if (refusal.isPresent()) {
            return Routing.refused(refusal.get());
        }
        if (message.type() == MessageType.PLAN_UPDATE) {
            Set<String> coreGroup = new LinkedHashSet<>(facts.coreGroup(message.caseReference()));
            coreGroup.remove(message.sender());
            return Routing.to(new ArrayList<>(coreGroup));
        }
        RegisterChange body = MessageParts.body(message, RegisterChange.class);
        Optional<ChildRecord> child = CaseParties.known(known, CaseParties.keyOf(body.child(), message, known));
        List<String> to = new ArrayList<>();
        List<ComplianceNote> notes = new ArrayList<>();
        reach(ComplianceNotes.Party.GP_PRACTICE, parties.gpPractice(body.child(), child), message, to, notes);
        reach(ComplianceNotes.Party.SCHOOL, parties.school(body.child(), child), message, to, notes);
        reach(ComplianceNotes.Party.POLICE_FORCE, parties.policeForce(body.child(), body.policeForce(), child), message,
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
        Optional<CaseRecord> known = facts.caseOf(caseRef);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.RememberCase(caseRef, message.sender()));
        if (message.type() == MessageType.PLAN_UPDATE) {
            PlanUpdate body = MessageParts.body(message, PlanUpdate.class);
            String key = CaseParties.keyOf(body.child(), message, known);
            Optional<ChildRecord> child = CaseParties.known(known, key);
            boolean met = running(facts, caseRef, FIRST_CORE_GROUP, key) || running(facts, caseRef, CORE_GROUP, key);
            effects.add(new Effect.StopClocks(FIRST_CORE_GROUP, caseRef, key, null));
            effects.add(new Effect.StopClocks(CORE_GROUP, caseRef, key, null));
            if (met || child.map(ChildRecord::registered).orElse(false)) {
                effects.add(new Effect.StartClock(CORE_GROUP, caseRef, key, message.sender(), message.sender(), at));
            }
            effects.add(new Effect.RememberChild(caseRef, key, parties.gpPractice(body.child(), child).orElse(null),
                    parties.school(body.child(), child).orElse(null), null));
            return effects;
        }
        RegisterChange body = MessageParts.body(message, RegisterChange.class);
        String key = CaseParties.keyOf(body.child(), message, known);
        Optional<ChildRecord> child = CaseParties.known(known, key);
        effects.add(new Effect.RememberChild(caseRef, key, parties.gpPractice(body.child(), child).orElse(null),
                parties.school(body.child(), child).orElse(null),
                parties.policeForce(body.child(), body.policeForce(), child).orElse(null)));
        if ("added".equals(body.change())) {
            effects.add(new Effect.SetRegistered(caseRef, key, true));
        } else {
            effects.addAll(endPlan(caseRef, key));
        }
        return effects;
    }

    /**
     * A conference placed the child on the register (or kept them on it): a core group (the first within 10 working
     * days of the conference, unless one is already running) and the next review conference, both the child's own.
     */
    static List<Effect> placedOnRegister(CaseFacts facts, Envelope message, ChildRecord child, Instant held) {
        String caseRef = message.caseReference();
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.SetRegistered(caseRef, child.key(), true));
        if (!child.registered() && !running(facts, caseRef, FIRST_CORE_GROUP, child.key())
                && !running(facts, caseRef, CORE_GROUP, child.key())) {
            effects.add(new Effect.StartClock(FIRST_CORE_GROUP, caseRef, child.key(), message.sender(), message.sender(),
                    held));
        }
        effects.add(new Effect.StartClock(child.registered() ? ConferenceRules.REVIEW : ConferenceRules.FIRST_REVIEW,
                caseRef, child.key(), message.sender(), message.sender(), held));
        return effects;
    }

    /** True while a clock of this name runs for the child. */
    static boolean running(CaseFacts facts, String caseReference, String clock, String childKey) {
        return !facts.runningClocks(caseReference, clock, childKey).isEmpty();
    }

    /** The child is no longer on the register: no more core groups or review conferences are owed for them. */
    static List<Effect> endPlan(String caseReference, String childKey) {
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.SetRegistered(caseReference, childKey, false));
        for (String clock : List.of(FIRST_CORE_GROUP, CORE_GROUP, ConferenceRules.FIRST_REVIEW, ConferenceRules.REVIEW)) {
            effects.add(new Effect.StopClocks(clock, caseReference, childKey, null));
        }
        return effects;
    }
}

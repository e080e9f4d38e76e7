package wales.safeguarding.hub.childprotection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.PlanUpdate;
import wales.safeguarding.schemas.childprotection.RegisterChange;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The child protection register and the care and support protection plan.
 * <ul>
 * <li>A register change reaches the child's GP practice (so the GP record shows it), school, other education
 * providers (pupil referral units, EOTAS providers, youth justice and youth support services: issue 15 item 3) and
 * police force, as well as whoever the council names; a gap is recorded, never silent (having no other education
 * provider is no gap). (A removal without the child's eligible care
 * and support needs and a contingency plan is refused by the contract itself; an outline plan's removals are checked,
 * and their register changes made and routed the same way, by {@link RegisterDecisions}.)</li>
 * <li>A plan update reaches the core group. Only an update that carries {@code coreGroupMetOn} is the record of a
 * core group meeting: it meets the child's core group clock (the first within 10 working days of the registering
 * conference) and starts the next, due six weeks from the day the core group met, not from the day the update was
 * sent. A date in the future is refused. Any other update changes the plan and starts or stops no clock.</li>
 * <li>Removal from the register ends the child's core group and review clocks (a sibling's run on).</li>
 * </ul>
 */
@ApplicationScoped
public class RegisterRules implements FlowRules {

    static final String FIRST_CORE_GROUP = "first-core-group";
    static final String CORE_GROUP = "core-group";

    private final CaseParties parties;
    private final Clock clock;
    private final int absentCoreGroups;
    private final Supplier<DerivedIds> ids;

    /** {@code ids} gives the derivation of the absence notices' ids (the hub's keyed one; a fixed one in tests). */
    @Inject
    public RegisterRules(CaseParties parties, Clock clock,
            @ConfigProperty(name = "hub.attendance.absent-core-groups", defaultValue = "2") int absentCoreGroups,
            Supplier<DerivedIds> ids) {
        this.parties = parties;
        this.clock = clock;
        this.absentCoreGroups = absentCoreGroups;
        this.ids = ids;
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
            LocalDate met = MessageParts.body(message, PlanUpdate.class).coreGroupMetOn();
            if (met != null && met.isAfter(LocalDate.now(clock.withZone(WorkingDayCalendar.LONDON)))) {
                return Routing.refused(new Violation("/body/coreGroupMetOn", "core-group-met-not-in-future",
                        "the core group cannot have met on " + met + ", a day still to come"));
            }
            PlanUpdate update = MessageParts.body(message, PlanUpdate.class);
            Set<String> coreGroup = new LinkedHashSet<>(facts.coreGroup(message.caseReference()));
            List<Violation> unrecordable = CoreGroupAttendance.check(update, coreGroup, message.sender());
            if (!unrecordable.isEmpty()) {
                return new Routing(List.of(), unrecordable, List.of());
            }
            coreGroup.remove(message.sender());
            String key = parties.keyOf(update.child(), known);
            return new Routing(new ArrayList<>(coreGroup), List.of(), absences(facts, message, update, key));
        }
        RegisterChange body = MessageParts.body(message, RegisterChange.class);
        return reachParties(parties, message, body, known);
    }

    /**
     * A register change reaches the child's GP practice, school and police force (found from the change, else from
     * what the case knows of the child), as well as whoever the sender names; each gap, and each party the hub added
     * to the sender's list, is a compliance note. The outline plan's register changes are routed the same way.
     */
    static Routing reachParties(CaseParties parties, Envelope message, RegisterChange body,
            Optional<CaseRecord> known) {
        Optional<ChildRecord> child = CaseParties.known(known, parties.keyOf(body.child(), known));
        List<String> to = new ArrayList<>();
        List<ComplianceNote> notes = new ArrayList<>();
        reach(ComplianceNotes.Party.GP_PRACTICE, parties.gpPractice(body.child(), child), message, to, notes);
        reach(ComplianceNotes.Party.SCHOOL, parties.school(body.child(), child), message, to, notes);
        // the child's other education providers hear of it as the school does; none is not a gap
        for (String provider : parties.otherProvision(body.child(), child)) {
            if (!to.contains(provider)) {
                reach(ComplianceNotes.Party.EDUCATION_PROVIDER, Optional.of(provider), message, to, notes);
            }
        }
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

    /** An agency absent from this core group and enough before it ({@link CoreGroupAttendance}). */
    private List<ComplianceNote> absences(CaseFacts facts, Envelope message, PlanUpdate update, String key) {
        return CoreGroupAttendance.absences(update, agency -> facts.coreGroupAttendance(message.caseReference(), key,
                agency, update.planId(), update.coreGroupMetOn(), absentCoreGroups), absentCoreGroups);
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        String caseRef = message.caseReference();
        Optional<CaseRecord> known = facts.caseOf(caseRef);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.RememberCase(caseRef, message.sender()));
        if (message.type() == MessageType.PLAN_UPDATE) {
            PlanUpdate body = MessageParts.body(message, PlanUpdate.class);
            String key = parties.keyOf(body.child(), known);
            Optional<ChildRecord> child = CaseParties.known(known, key);
            if (body.coreGroupMetOn() != null) {
                effects.addAll(coreGroupMet(facts, message, key, child, MessageParts.noonOf(body.coreGroupMetOn())));
                CoreGroupAttendance.record(caseRef, message.sender(), key, body).ifPresent(effects::add);
                effects.addAll(AbsenceNotices.of(message, absences(facts, message, body, key), message.sender(),
                        parties.boardOf(message.sender()), body.coreGroupMetOn(), ids.get()));
            }
            effects.add(new Effect.RememberChild(caseRef, key, parties.gpPractice(body.child(), child).orElse(null),
                    parties.school(body.child(), child).orElse(null), null, CaseParties.named(body.child())));
            return effects;
        }
        RegisterChange body = MessageParts.body(message, RegisterChange.class);
        String key = parties.keyOf(body.child(), known);
        Optional<ChildRecord> child = CaseParties.known(known, key);
        effects.add(new Effect.RememberChild(caseRef, key, parties.gpPractice(body.child(), child).orElse(null),
                parties.school(body.child(), child).orElse(null),
                parties.policeForce(body.child(), body.policeForce(), child).orElse(null),
                CaseParties.named(body.child())));
        if ("added".equals(body.change())) {
            effects.add(new Effect.SetRegistered(caseRef, key, true, body.effectiveOn()));
        } else {
            effects.addAll(endPlan(caseRef, key, body.effectiveOn()));
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
        effects.add(new Effect.SetRegistered(caseRef, child.key(), true,
                LocalDate.ofInstant(held, WorkingDayCalendar.LONDON)));
        if (!child.registered() && !running(facts, caseRef, FIRST_CORE_GROUP, child.key())
                && !running(facts, caseRef, CORE_GROUP, child.key())) {
            effects.add(new Effect.StartClock(FIRST_CORE_GROUP, caseRef, child.key(), message.sender(), message.sender(),
                    held));
        }
        effects.add(new Effect.StartClock(child.registered() ? ConferenceRules.REVIEW : ConferenceRules.FIRST_REVIEW,
                caseRef, child.key(), message.sender(), message.sender(), held));
        return effects;
    }

    /**
     * The core group of a child met on the day of {@code met}: that meets the child's first or running core group
     * clock, and the next core group is due six weeks from that day (while the child is on the register).
     */
    static List<Effect> coreGroupMet(CaseFacts facts, Envelope message, String childKey, Optional<ChildRecord> child,
            Instant met) {
        String caseRef = message.caseReference();
        boolean owed = running(facts, caseRef, FIRST_CORE_GROUP, childKey) || running(facts, caseRef, CORE_GROUP, childKey);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.StopClocks(FIRST_CORE_GROUP, caseRef, childKey, null));
        effects.add(new Effect.StopClocks(CORE_GROUP, caseRef, childKey, null));
        if (owed || child.map(ChildRecord::registered).orElse(false)) {
            effects.add(new Effect.StartClock(CORE_GROUP, caseRef, childKey, message.sender(), message.sender(), met));
        }
        return effects;
    }

    /** True while a clock of this name runs for the child. */
    static boolean running(CaseFacts facts, String caseReference, String clock, String childKey) {
        return !facts.runningClocks(caseReference, clock, childKey).isEmpty();
    }

    /** The child is no longer on the register: no more core groups or review conferences are owed for them. */
    static List<Effect> endPlan(String caseReference, String childKey) {
        return endPlan(caseReference, childKey, null);
    }

    /** As {@link #endPlan(String, String)}, off the register from the day {@code on} (null: the day accepted). */
    static List<Effect> endPlan(String caseReference, String childKey, LocalDate on) {
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.SetRegistered(caseReference, childKey, false, on));
        for (String clock : List.of(FIRST_CORE_GROUP, CORE_GROUP, ConferenceRules.FIRST_REVIEW, ConferenceRules.REVIEW)) {
            effects.add(new Effect.StopClocks(clock, caseReference, childKey, null));
        }
        return effects;
    }
}

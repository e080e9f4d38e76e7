package wales.safeguarding.hub.childprotection;

import static wales.safeguarding.hub.childprotection.MessageParts.agencies;
import static wales.safeguarding.hub.childprotection.MessageParts.body;
import static wales.safeguarding.hub.childprotection.MessageParts.named;
import static wales.safeguarding.hub.childprotection.MessageParts.noonOf;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.hub.rules.ConferenceRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.ConferenceMinutes;
import wales.safeguarding.schemas.childprotection.MinutesCorrection;
import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.OutlinePlan;
import wales.safeguarding.schemas.childprotection.Participation;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * What a conference decided and its record (Wales Safeguarding Procedures):
 * <ul>
 * <li>the outline plan, and the minutes, go to every invitee and every core group member, whether or not they
 * attended, whatever list the council supplies;</li>
 * <li>the outline plan records each child's register decision ({@link RegisterDecisions}: its list of children, else
 * every child of the case): a child placed on the register gets a core group (the first within 10 working days) and
 * a review conference (3 months, then 6-monthly); a child who comes off it has no more of either, and only with their
 * eligible needs and a contingency plan (recommendation 1.2); each child whose registration changes gets a register
 * change to their GP practice, school and police force, made by the hub and stored with the outline plan;</li>
 * <li>corrections to the minutes are accepted while only draft minutes have reached the hub, and then for a set
 * number of working days after the final minutes reached it.</li>
 * </ul>
 */
@ApplicationScoped
public class ConferenceRecordRules implements FlowRules {

    private final int absentReviews;
    private final CaseParties parties;
    private final StatutoryClocks calendar;
    private final int correctionDays;
    private final Clock clock;
    private final Supplier<DerivedIds> ids;

    /** {@code ids} gives the derivation of the register changes' ids (the hub's keyed one; a fixed one in tests). */
    @Inject
    public ConferenceRecordRules(CaseParties parties, StatutoryClocks calendar, Clock clock,
            @ConfigProperty(name = "hub.conference.minutes-correction-working-days") int correctionDays,
            Supplier<DerivedIds> ids,
            @ConfigProperty(name = "hub.attendance.absent-review-conferences", defaultValue = "2") int absentReviews) {
        this.absentReviews = absentReviews;
        this.ids = ids;
        this.parties = parties;
        this.calendar = calendar;
        this.clock = clock;
        this.correctionDays = correctionDays;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.OUTLINE_PLAN, MessageType.CONFERENCE_MINUTES, MessageType.MINUTES_CORRECTION);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        if (message.type() == MessageType.MINUTES_CORRECTION) {
            return correction(facts, message);
        }
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        var refusal = parties.councilSends(message, known);
        if (refusal.isPresent()) {
            return Routing.refused(refusal.get());
        }
        if (message.type() == MessageType.OUTLINE_PLAN) {
            OutlinePlan body = body(message, OutlinePlan.class);
            RegisterDecisions register = RegisterDecisions.of(parties, message, facts, ids.get());
            List<Violation> decisions = new ArrayList<>(register.violations());
            decisions.addAll(HealthAssessments.violations(register.decisions(), parties.directory()));
            if (!decisions.isEmpty()) {
                return new Routing(List.of(), decisions);
            }
            // the owner of a health assessment action receives the plan that sets it (recommendation 1.7)
            List<String> also = new ArrayList<>(agencies(body.coreGroup()));
            also.addAll(HealthAssessments.owners(register.decisions()));
            List<ComplianceNote> notes = new ArrayList<>(
                    ChildrensVoice.outlinePlanNotes(body.conferenceId(), participation(register.decisions())));
            notes.addAll(absences(facts, message, body));
            return toEveryInvitee(facts, message, body.conferenceId(), also).and(new Routing(List.of(), List.of(),
                    notes));
        }
        ConferenceMinutes minutes = body(message, ConferenceMinutes.class);
        Routing routing = toEveryInvitee(facts, message, minutes.conferenceId(), List.of());
        if (!routing.routable()) {
            return routing;
        }
        List<Violation> unrecordable = MeetingAttendance.check(minutes.attendance(),
                facts.invitees(message.caseReference(), minutes.conferenceId()), message.sender(), "conference-invitee",
                "conference " + minutes.conferenceId());
        if (!unrecordable.isEmpty()) {
            return new Routing(List.of(), unrecordable, List.of());
        }
        return routing.and(new Routing(List.of(), List.of(), minutesAbsences(facts, message, minutes)));
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        return switch (message.type()) {
            case OUTLINE_PLAN -> outlinePlanCirculated(facts, message, at);
            case CONFERENCE_MINUTES -> minutesCirculated(facts, message);
            default -> List.of();
        };
    }

    /** An agency absent from this review conference and enough before it ({@link Representation}). */
    private List<ComplianceNote> absences(CaseFacts facts, Envelope message, OutlinePlan body) {
        String caseRef = message.caseReference();
        return Representation.absences(body.conferenceId(), kindOf(facts, caseRef, body.conferenceId()),
                facts.invitees(caseRef, body.conferenceId()), attended(body),
                agency -> facts.reviewAttendance(caseRef, agency, body.conferenceId(), absentReviews),
                absentReviews);
    }

    /**
     * An agency absent from this review conference as its minutes record it, and from enough before it; not one the
     * conference's record already had absent (its outline plan, or earlier minutes, noted it then).
     */
    private List<ComplianceNote> minutesAbsences(CaseFacts facts, Envelope message, ConferenceMinutes body) {
        if (body.attendance() == null) {
            return List.of();
        }
        String caseRef = message.caseReference();
        return MinutesAttendance.absences(body, kindOf(facts, caseRef, body.conferenceId()),
                facts.invitees(caseRef, body.conferenceId()), facts.conferencePresence(caseRef, body.conferenceId()),
                agency -> facts.reviewAttendance(caseRef, agency, body.conferenceId(), absentReviews), absentReviews);
    }

    /** The absence notes as messages to the council and its region's safeguarding board ({@link AbsenceNotices}). */
    private List<Effect.Derived> notices(Envelope message, List<ComplianceNote> notes, java.time.LocalDate heldOn) {
        return AbsenceNotices.of(message, notes, message.sender(), parties.boardOf(message.sender()), heldOn,
                ids.get());
    }

    /** The conference's kind as its invitation gives it: review, else initial. */
    private static String kindOf(CaseFacts facts, String caseRef, String conferenceId) {
        boolean review = facts.conferenceInvitation(caseRef, conferenceId)
                .map(i -> ConferenceRecord.REVIEW.equals(body(i, ConferenceInvitation.class).kind())).orElse(false);
        return review ? ConferenceRecord.REVIEW : ConferenceRecord.INITIAL;
    }

    /**
     * Who came (recommendation 2.2, representation at conferences): each agency invited to the conference, and
     * whether the plan's {@code attended} lists it; the conference's kind from its invitation.
     */
    private static Effect.RecordAttendance attendance(CaseFacts facts, Envelope message, OutlinePlan body) {
        Set<String> attended = attended(body);
        Map<String, Boolean> byAgency = new LinkedHashMap<>();
        for (String invitee : facts.invitees(message.caseReference(), body.conferenceId())) {
            byAgency.put(invitee, attended.contains(invitee));
        }
        return new Effect.RecordAttendance(message.caseReference(), message.sender(), body.conferenceId(),
                kindOf(facts, message.caseReference(), body.conferenceId()), byAgency);
    }

    /** The agencies the plan lists as present. */
    private static Set<String> attended(OutlinePlan body) {
        return new LinkedHashSet<>(body.attended() == null ? List.of() : body.attended());
    }

    /** How each child of the plan's decisions took part: their own entry's, else the plan's top-level one. */
    private static List<Participation> participation(List<RegisterDecisions.Decision> decisions) {
        return decisions.stream().map(RegisterDecisions.Decision::participation).toList();
    }

    /** The outline plan and the minutes go to every invitee and core group member, whatever the council's list. */
    private static Routing toEveryInvitee(CaseFacts facts, Envelope message, String conferenceId,
            List<String> alsoCoreGroup) {
        Set<String> invitees = facts.invitees(message.caseReference(), conferenceId);
        if (invitees.isEmpty()) {
            return Routing.refused(new Violation("/body/conferenceId", "known-conference",
                    "no invitation to conference " + conferenceId + " in case " + message.caseReference()
                            + " went through the hub, so its invitees are not known"));
        }
        Set<String> everyone = new LinkedHashSet<>(invitees);
        everyone.addAll(facts.coreGroup(message.caseReference()));
        everyone.addAll(alsoCoreGroup);
        everyone.remove(message.sender());
        List<String> added = everyone.stream().filter(a -> !named(message).contains(a)).toList();
        List<ComplianceNote> notes = added.isEmpty() || named(message).isEmpty() ? List.of()
                : List.of(ComplianceNotes.recipientsAdded(added));
        return new Routing(new ArrayList<>(everyone), List.of(), notes);
    }

    private Routing correction(CaseFacts facts, Envelope message) {
        Routing routing = MessageParts.answerTo(facts, message, MessageType.CONFERENCE_MINUTES,
                "answers-minutes-sent-to-you", "conference-minutes sent to " + message.sender());
        if (!routing.violations().isEmpty()) {
            return routing;
        }
        String conferenceId = body(message, MinutesCorrection.class).conferenceId();
        Optional<Instant> finalMinutes = facts.finalMinutesReceived(message.caseReference(), conferenceId);
        if (finalMinutes.isPresent()) {
            Instant windowEnds = calendar.due(finalMinutes.get(), correctionDays).dueAt();
            if (!clock.instant().isBefore(windowEnds)) {
                return Routing.refused(new Violation("/correlationId", "corrections-window",
                        "corrections to the minutes of conference " + conferenceId + " were accepted until the end of "
                                + WorkingDayCalendar.dayEndingAt(windowEnds) + " (" + correctionDays
                                + " working days after the final minutes were received)"));
            }
        }
        return routing;
    }

    private List<Effect> outlinePlanCirculated(CaseFacts facts, Envelope message, Instant at) {
        OutlinePlan body = body(message, OutlinePlan.class);
        String caseRef = message.caseReference();
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.StopClocks(ConferenceRules.OUTLINE_PLAN, caseRef, body.conferenceId(), null));
        effects.addAll(ConferenceRules.held(facts, message, body.conferenceId()));
        Instant held = noonOf(body.heldOn());
        // Every clock the conference's holding stops is stopped above; the register decisions below start new ones.
        RegisterDecisions decisions = RegisterDecisions.of(parties, message, facts, ids.get());
        effects.addAll(decisions.rememberNamedChildren());
        effects.add(ChildrensVoice.outlinePlanRecord(caseRef, message.sender(), body.conferenceId(),
                participation(decisions.decisions())));
        effects.add(attendance(facts, message, body));
        effects.addAll(notices(message, absences(facts, message, body), body.heldOn()));
        if (decisions.anyRegistered()) {
            effects.add(new Effect.AddMembers(caseRef, Effect.AddMembers.CORE_GROUP, null, agencies(body.coreGroup())));
        }
        for (RegisterDecisions.Decision decision : decisions.decisions()) {
            if (decision.registered()) {
                effects.addAll(RegisterRules.placedOnRegister(facts, message, decision.record(), held));
            } else if (decision.wasRegistered()) {
                effects.addAll(RegisterRules.endPlan(caseRef, decision.key(), body.heldOn()));
            }
        }
        effects.addAll(decisions.registerChanges(at));
        effects.addAll(HealthAssessments.clocks(facts, caseRef, message.sender(), decisions.decisions(), at));
        return effects;
    }

    private List<Effect> minutesCirculated(CaseFacts facts, Envelope message) {
        ConferenceMinutes body = body(message, ConferenceMinutes.class);
        List<Effect> effects = new ArrayList<>();
        if (body.attendance() != null || body.familyAttendance() != null) {
            String caseRef = message.caseReference();
            effects.add(MinutesAttendance.record(caseRef, message.sender(), body,
                    kindOf(facts, caseRef, body.conferenceId()), facts.invitees(caseRef, body.conferenceId())));
            effects.addAll(notices(message, minutesAbsences(facts, message, body),
                    facts.conference(caseRef, body.conferenceId()).map(k -> k.startsAt())
                            .map(t -> java.time.LocalDate.ofInstant(t, WorkingDayCalendar.LONDON))
                            .orElse(java.time.LocalDate.ofInstant(message.createdAt().toInstant(),
                                    WorkingDayCalendar.LONDON))));
        }
        effects.add(new Effect.RecordMinutes(message.caseReference(), body.conferenceId(), body.isFinal()));
        if (body.isFinal()) {
            effects.add(new Effect.StopClocks(ConferenceRules.CONFERENCE_MINUTES, message.caseReference(),
                    body.conferenceId(), null));
        }
        return effects;
    }
}

package wales.safeguarding.hub.childprotection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.dutytoreport.DutyToReportRules;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.ChildCase;
import wales.safeguarding.hub.rules.ComplianceNote;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.ConferenceMinutes;
import wales.safeguarding.schemas.childprotection.ConferenceReport;
import wales.safeguarding.schemas.childprotection.Invitee;
import wales.safeguarding.schemas.childprotection.MinutesCorrection;
import wales.safeguarding.schemas.childprotection.OutlinePlan;
import wales.safeguarding.schemas.childprotection.StrategyMeetingInvitation;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Strategy meetings and conferences (Wales Safeguarding Procedures; 2023 review recommendations 1.4 and 1.1):
 * <ul>
 * <li>a strategy discussion always includes the police: the hub adds the force if the council left it out;</li>
 * <li>a conference invitation always reaches the child's GP practice: the hub adds the registered practice and
 * records that it did, or, with no known practice, sends it anyway and records the gap;</li>
 * <li>a written report is requested from the GP for every conference, and tracked to its return;</li>
 * <li>the outline plan, and the minutes, go to every invitee and every core group member, whether or not they
 * attended, whatever list the council supplies;</li>
 * <li>corrections to the minutes are accepted for a set number of working days after they reached the hub.</li>
 * </ul>
 * And the clocks: initial conference within 15 working days of the last strategy discussion; written reports before
 * the conference; outline plan in 5 and minutes in 20 working days after it; a rescheduled conference moves them.
 */
@ApplicationScoped
public class ConferenceRules implements FlowRules {

    static final String INITIAL_CONFERENCE = "initial-conference";
    static final String WRITTEN_REPORT = "written-report";
    static final String OUTLINE_PLAN = "outline-plan";
    static final String CONFERENCE_MINUTES = "conference-minutes";
    static final String FIRST_REVIEW = "first-review-conference";
    static final String REVIEW = "review-conference";

    private final CaseParties parties;
    private final StatutoryClocks calendar;
    private final int reportLeadDays;
    private final int correctionDays;
    private final Clock clock;

    public ConferenceRules(CaseParties parties, StatutoryClocks calendar, Clock clock,
            @ConfigProperty(name = "hub.conference.written-report-lead-working-days") int reportLeadDays,
            @ConfigProperty(name = "hub.conference.minutes-correction-working-days") int correctionDays) {
        this.parties = parties;
        this.calendar = calendar;
        this.reportLeadDays = reportLeadDays;
        this.correctionDays = correctionDays;
        this.clock = clock;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.STRATEGY_MEETING_INVITATION, MessageType.CONFERENCE_INVITATION,
                MessageType.CONFERENCE_REPORT, MessageType.OUTLINE_PLAN, MessageType.CONFERENCE_MINUTES,
                MessageType.MINUTES_CORRECTION);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        Optional<ChildCase> known = facts.caseOf(message.caseReference());
        return switch (message.type()) {
            case STRATEGY_MEETING_INVITATION -> councilOnly(message, known, () -> strategyMeeting(message, known));
            case CONFERENCE_INVITATION -> councilOnly(message, known, () -> invitation(message, known));
            case OUTLINE_PLAN -> councilOnly(message, known, () -> toEveryInvitee(facts, message,
                    body(message, OutlinePlan.class).conferenceId(), coreGroupOf(body(message, OutlinePlan.class))));
            case CONFERENCE_MINUTES -> councilOnly(message, known, () -> toEveryInvitee(facts, message,
                    body(message, ConferenceMinutes.class).conferenceId(), List.of()));
            case CONFERENCE_REPORT -> answerTo(facts, message, MessageType.CONFERENCE_INVITATION,
                    "answers-an-invitation-sent-to-you", "a conference-invitation sent to " + message.sender());
            case MINUTES_CORRECTION -> correction(facts, message);
            default -> throw new IllegalStateException("not a conference message: " + message.type());
        };
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        return switch (message.type()) {
            case STRATEGY_MEETING_INVITATION -> strategyMeetingHeld(facts, message);
            case CONFERENCE_INVITATION -> invited(facts, message, at);
            case CONFERENCE_REPORT -> List.of(new Effect.StopClocks(WRITTEN_REPORT, message.caseReference(),
                    body(message, ConferenceReport.class).conferenceId(), message.sender()));
            case OUTLINE_PLAN -> outlinePlanCirculated(facts, message);
            case CONFERENCE_MINUTES -> minutesCirculated(message);
            default -> List.of();
        };
    }

    // ---- routing ----

    private Routing strategyMeeting(Envelope message, Optional<ChildCase> known) {
        StrategyMeetingInvitation body = body(message, StrategyMeetingInvitation.class);
        List<String> to = agencies(body.invitees());
        List<ComplianceNote> notes = new ArrayList<>();
        Optional<String> police = parties.policeForce(first(body.children()), null, known);
        if (police.isPresent() && !to.contains(police.get()) && !named(message).contains(police.get())) {
            to.add(police.get());
            notes.add(ComplianceNotes.policeAdded(police.get()));
        } else if (police.isEmpty()) {
            notes.add(ComplianceNotes.policeUnknown());
        }
        return new Routing(to, List.of(), notes);
    }

    private Routing invitation(Envelope message, Optional<ChildCase> known) {
        ConferenceInvitation body = body(message, ConferenceInvitation.class);
        List<String> to = agencies(body.invitees());
        List<ComplianceNote> notes = new ArrayList<>();
        Optional<String> gp = parties.gpPractice(first(body.children()), known);
        if (gp.isEmpty()) {
            notes.add(ComplianceNotes.gpUnknown());
        } else if (!to.contains(gp.get()) && !named(message).contains(gp.get())) {
            to.add(gp.get());
            notes.add(ComplianceNotes.gpAdded(gp.get()));
        }
        return new Routing(to, List.of(), notes);
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

    private static Routing answerTo(CaseFacts facts, Envelope answer, MessageType answered, String rule,
            String what) {
        Optional<StoredMessage> original = facts.answered(answer, answered);
        return original.map(o -> Routing.to(List.of(o.sender()))).orElseGet(() -> Routing.refused(
                new Violation("/correlationId", rule, "must be the messageId of " + what)));
    }

    private Routing correction(CaseFacts facts, Envelope message) {
        Routing routing = answerTo(facts, message, MessageType.CONFERENCE_MINUTES, "answers-minutes-sent-to-you",
                "conference-minutes sent to " + message.sender());
        if (!routing.violations().isEmpty()) {
            return routing;
        }
        String conferenceId = body(message, MinutesCorrection.class).conferenceId();
        Optional<Instant> received = facts.minutesReceived(message.caseReference(), conferenceId);
        if (received.isPresent()) {
            Instant windowEnds = calendar.due(received.get(), correctionDays).dueAt();
            if (!clock.instant().isBefore(windowEnds)) {
                return Routing.refused(new Violation("/correlationId", "corrections-window",
                        "corrections to the minutes of conference " + conferenceId + " were accepted until the end of "
                                + WorkingDayCalendar.dayEndingAt(windowEnds) + " (" + correctionDays
                                + " working days after they were received)"));
            }
        }
        return routing;
    }

    // ---- what acceptance starts and stops ----

    private List<Effect> strategyMeetingHeld(CaseFacts facts, Envelope message) {
        StrategyMeetingInvitation body = body(message, StrategyMeetingInvitation.class);
        List<Effect> effects = new ArrayList<>();
        effects.add(remember(facts, message, first(body.children())));
        if (body.dutyToReportId() != null) {
            // A strategy discussion about the report is a decision on next actions.
            effects.add(new Effect.MeetClock(body.dutyToReportId(), DutyToReportRules.NEXT_ACTIONS, message.sender()));
        }
        Instant held = body.meeting().startsAt().toInstant();
        // The initial conference is due 15 working days after the last strategy discussion.
        if (!facts.runningClocks(message.caseReference(), INITIAL_CONFERENCE, null).isEmpty()) {
            effects.add(new Effect.MoveClocks(INITIAL_CONFERENCE, message.caseReference(), null, held));
        } else {
            effects.add(new Effect.StartClock(INITIAL_CONFERENCE, message.caseReference(), null, message.sender(),
                    message.sender(), held));
        }
        return effects;
    }

    private List<Effect> invited(CaseFacts facts, Envelope message, Instant at) {
        ConferenceInvitation body = body(message, ConferenceInvitation.class);
        String caseRef = message.caseReference();
        String conference = body.conferenceId();
        List<Effect> effects = new ArrayList<>();
        effects.add(remember(facts, message, first(body.children())));
        effects.add(new Effect.AddMembers(caseRef, Effect.AddMembers.INVITEE, conference, message.recipients()));
        Instant startsAt = body.meeting().startsAt().toInstant();
        if ("initial".equals(body.kind())) {
            effects.add(new Effect.StopClocks(INITIAL_CONFERENCE, caseRef, null, null));
        } else {
            effects.add(new Effect.StopClocks(FIRST_REVIEW, caseRef, null, null));
            effects.add(new Effect.StopClocks(REVIEW, caseRef, null, null));
        }
        boolean rescheduled = !facts.runningClocks(caseRef, OUTLINE_PLAN, conference).isEmpty();
        if (rescheduled) {
            effects.add(new Effect.MoveClocks(OUTLINE_PLAN, caseRef, conference, startsAt));
            effects.add(new Effect.MoveClocks(CONFERENCE_MINUTES, caseRef, conference, startsAt));
            effects.add(new Effect.Note(ComplianceNotes.conferenceRescheduled(conference, startsAt.toString())));
        } else {
            effects.add(new Effect.StartClock(OUTLINE_PLAN, caseRef, conference, message.sender(), message.sender(),
                    startsAt));
            effects.add(new Effect.StartClock(CONFERENCE_MINUTES, caseRef, conference, message.sender(),
                    message.sender(), startsAt));
        }
        Instant reportDue = reportDue(body, startsAt);
        Optional<String> gp = parties.gpPractice(first(body.children()), facts.caseOf(caseRef));
        Set<String> owing = new LinkedHashSet<>();
        gp.filter(message.recipients()::contains).ifPresent(owing::add);
        if (body.writtenReport() != null && body.writtenReport().requested()) {
            owing.addAll(message.recipients());
        }
        // A rescheduled conference moves the reports already asked for; each agency newly asked owes one.
        effects.add(new Effect.MoveClocksUntil(WRITTEN_REPORT, caseRef, conference, at, reportDue));
        Set<String> alreadyOwing = new LinkedHashSet<>();
        facts.runningClocks(caseRef, WRITTEN_REPORT, conference).forEach(k -> alreadyOwing.add(k.owedBy()));
        for (String agency : owing) {
            if (!alreadyOwing.contains(agency)) {
                effects.add(new Effect.StartClockUntil(WRITTEN_REPORT, caseRef, conference, agency, message.sender(), at,
                        reportDue));
            }
        }
        return effects;
    }

    private Instant reportDue(ConferenceInvitation body, Instant startsAt) {
        Instant leadTime = calendar.dueBefore(startsAt, reportLeadDays).dueAt();
        if (body.writtenReport() != null && body.writtenReport().dueBy() != null) {
            Instant asked = body.writtenReport().dueBy().toInstant();
            return asked.isBefore(leadTime) ? asked : leadTime;
        }
        return leadTime;
    }

    private List<Effect> outlinePlanCirculated(CaseFacts facts, Envelope message) {
        OutlinePlan body = body(message, OutlinePlan.class);
        String caseRef = message.caseReference();
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.StopClocks(OUTLINE_PLAN, caseRef, body.conferenceId(), null));
        Instant held = noonOf(body.heldOn());
        boolean wasRegistered = facts.caseOf(caseRef).map(ChildCase::registered).orElse(false);
        if (body.registered()) {
            effects.add(new Effect.AddMembers(caseRef, Effect.AddMembers.CORE_GROUP, null, coreGroupOf(body)));
            effects.add(new Effect.SetRegistered(caseRef, true));
            if (!wasRegistered && !RegisterRules.running(facts, caseRef, RegisterRules.FIRST_CORE_GROUP)
                    && !RegisterRules.running(facts, caseRef, RegisterRules.CORE_GROUP)) {
                effects.add(RegisterRules.coreGroupClock(message, RegisterRules.FIRST_CORE_GROUP, held));
            }
            effects.add(new Effect.StartClock(wasRegistered ? REVIEW : FIRST_REVIEW, caseRef, null, message.sender(),
                    message.sender(), held));
        } else {
            effects.addAll(RegisterRules.endPlan(caseRef));
        }
        return effects;
    }

    private static List<Effect> minutesCirculated(Envelope message) {
        ConferenceMinutes body = body(message, ConferenceMinutes.class);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.RecordMinutes(message.caseReference(), body.conferenceId()));
        if (body.isFinal()) {
            effects.add(new Effect.StopClocks(CONFERENCE_MINUTES, message.caseReference(), body.conferenceId(), null));
        }
        return effects;
    }

    // ---- helpers ----

    private Effect remember(CaseFacts facts, Envelope message, ChildRef child) {
        Optional<ChildCase> known = facts.caseOf(message.caseReference());
        return new Effect.RememberCase(message.caseReference(), message.sender(),
                parties.gpPractice(child, known).orElse(null), parties.school(child, known).orElse(null),
                parties.policeForce(child, null, known).orElse(null));
    }

    private Routing councilOnly(Envelope message, Optional<ChildCase> known, Supplier<Routing> routing) {
        Optional<Violation> refusal = parties.councilSends(message, known);
        return refusal.isPresent() ? Routing.refused(refusal.get()) : routing.get();
    }

    static Instant noonOf(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(WorkingDayCalendar.LONDON).toInstant();
    }

    private static List<String> agencies(List<Invitee> invitees) {
        List<String> ids = new ArrayList<>();
        if (invitees != null) {
            invitees.forEach(i -> ids.add(i.agencyId()));
        }
        return ids;
    }

    private static List<String> coreGroupOf(OutlinePlan plan) {
        return agencies(plan.coreGroup());
    }

    private static List<String> named(Envelope message) {
        return message.recipients() == null ? List.of() : message.recipients();
    }

    private static ChildRef first(List<ChildRef> children) {
        return children == null || children.isEmpty() ? null : children.get(0);
    }

    static <T> T body(Envelope message, Class<T> type) {
        return CanonicalJson.bodyAs(message, type);
    }
}

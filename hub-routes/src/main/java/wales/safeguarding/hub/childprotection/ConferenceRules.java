package wales.safeguarding.hub.childprotection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.clocks.ClockRepository;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.dutytoreport.DutyToReportRules;
import wales.safeguarding.hub.intake.ComplianceNote;
import wales.safeguarding.hub.intake.FlowRules;
import wales.safeguarding.hub.intake.Routing;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.hub.tracking.TrackingRepository;
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

    private final CaseBook cases;
    private final CaseParties parties;
    private final ClockKeeper clocks;
    private final StatutoryClocks calendar;
    private final TrackingRepository tracking;
    private final ClockRepository clockStore;
    private final RegisterRules register;
    private final int reportLeadDays;
    private final int correctionDays;
    private final Clock clock;

    public ConferenceRules(CaseBook cases, CaseParties parties, ClockKeeper clocks, StatutoryClocks calendar,
            TrackingRepository tracking, ClockRepository clockStore, RegisterRules register, Clock clock,
            @ConfigProperty(name = "hub.conference.written-report-lead-working-days") int reportLeadDays,
            @ConfigProperty(name = "hub.conference.minutes-correction-working-days") int correctionDays) {
        this.cases = cases;
        this.parties = parties;
        this.clocks = clocks;
        this.calendar = calendar;
        this.tracking = tracking;
        this.clockStore = clockStore;
        this.register = register;
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
    public Routing route(Connection c, Envelope message) throws SQLException {
        Optional<CaseBook.ChildCase> known = cases.find(c, message.caseReference());
        return switch (message.type()) {
            case STRATEGY_MEETING_INVITATION -> councilOnly(message, known, () -> strategyMeeting(message, known));
            case CONFERENCE_INVITATION -> councilOnly(message, known, () -> invitation(message, known));
            case OUTLINE_PLAN -> councilOnly(message, known, () -> toEveryInvitee(c, message, known,
                    body(message, OutlinePlan.class).conferenceId(), coreGroupOf(body(message, OutlinePlan.class))));
            case CONFERENCE_MINUTES -> councilOnly(message, known, () -> toEveryInvitee(c, message, known,
                    body(message, ConferenceMinutes.class).conferenceId(), List.of()));
            case CONFERENCE_REPORT -> answerTo(c, message, MessageType.CONFERENCE_INVITATION,
                    "answers-an-invitation-sent-to-you", "a conference-invitation sent to " + message.sender());
            case MINUTES_CORRECTION -> correction(c, message, known);
            default -> throw new IllegalStateException("not a conference message: " + message.type());
        };
    }

    @Override
    public void accepted(Connection c, Envelope message, Instant at) throws SQLException {
        switch (message.type()) {
            case STRATEGY_MEETING_INVITATION -> strategyMeetingHeld(c, message, at);
            case CONFERENCE_INVITATION -> invited(c, message, at);
            case CONFERENCE_REPORT -> clocks.stop(c, WRITTEN_REPORT, message.caseReference(),
                    body(message, ConferenceReport.class).conferenceId(), message.sender(), message.messageId(), at);
            case OUTLINE_PLAN -> outlinePlanCirculated(c, message, at);
            case CONFERENCE_MINUTES -> minutesCirculated(c, message, at);
            default -> { }
        }
    }

    // ---- routing ----

    private Routing strategyMeeting(Envelope message, Optional<CaseBook.ChildCase> known) {
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

    private Routing invitation(Envelope message, Optional<CaseBook.ChildCase> known) {
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
    private Routing toEveryInvitee(Connection c, Envelope message, Optional<CaseBook.ChildCase> known,
            String conferenceId, List<String> alsoCoreGroup) throws SQLException {
        Set<String> invitees = cases.invitees(c, message.caseReference(), conferenceId);
        if (invitees.isEmpty()) {
            return Routing.refused(new Violation("/body/conferenceId", "known-conference",
                    "no invitation to conference " + conferenceId + " in case " + message.caseReference()
                            + " went through the hub, so its invitees are not known"));
        }
        Set<String> everyone = new LinkedHashSet<>(invitees);
        everyone.addAll(cases.coreGroup(c, message.caseReference()));
        everyone.addAll(alsoCoreGroup);
        everyone.remove(message.sender());
        List<String> added = everyone.stream().filter(a -> !named(message).contains(a)).toList();
        List<ComplianceNote> notes = added.isEmpty() || named(message).isEmpty() ? List.of()
                : List.of(ComplianceNotes.recipientsAdded(added));
        return new Routing(new ArrayList<>(everyone), List.of(), notes);
    }

    private Routing answerTo(Connection c, Envelope answer, MessageType answered, String rule, String what)
            throws SQLException {
        Optional<StoredMessage> original = tracking.answeredMessage(c, answer, answered);
        return original.map(o -> Routing.to(List.of(o.sender()))).orElseGet(() -> Routing.refused(
                new Violation("/correlationId", rule, "must be the messageId of " + what)));
    }

    private Routing correction(Connection c, Envelope message, Optional<CaseBook.ChildCase> known) throws SQLException {
        Routing routing = answerTo(c, message, MessageType.CONFERENCE_MINUTES, "answers-minutes-sent-to-you",
                "conference-minutes sent to " + message.sender());
        if (!routing.violations().isEmpty()) {
            return routing;
        }
        String conferenceId = body(message, MinutesCorrection.class).conferenceId();
        Optional<Instant> received = cases.minutesReceived(c, message.caseReference(), conferenceId);
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

    private void strategyMeetingHeld(Connection c, Envelope message, Instant at) throws SQLException {
        StrategyMeetingInvitation body = body(message, StrategyMeetingInvitation.class);
        remember(c, message, first(body.children()), at);
        if (body.dutyToReportId() != null) {
            // A strategy discussion about the report is a decision on next actions.
            clockStore.meetClock(c, body.dutyToReportId(), DutyToReportRules.NEXT_ACTIONS, message.sender(),
                    message.messageId(), at);
        }
        Instant held = body.meeting().startsAt().toInstant();
        // The initial conference is due 15 working days after the last strategy discussion.
        if (clocks.move(c, INITIAL_CONFERENCE, message.caseReference(), null, held) == 0) {
            clocks.start(c, INITIAL_CONFERENCE, message.messageId(), message.caseReference(), null, message.sender(),
                    message.sender(), held);
        }
    }

    private void invited(Connection c, Envelope message, Instant at) throws SQLException {
        ConferenceInvitation body = body(message, ConferenceInvitation.class);
        String caseRef = message.caseReference();
        String conference = body.conferenceId();
        remember(c, message, first(body.children()), at);
        cases.addMembers(c, caseRef, CaseBook.INVITEE, conference, message.recipients());
        Instant startsAt = body.meeting().startsAt().toInstant();
        if ("initial".equals(body.kind())) {
            clocks.stop(c, INITIAL_CONFERENCE, caseRef, null, null, message.messageId(), at);
        } else {
            clocks.stop(c, FIRST_REVIEW, caseRef, null, null, message.messageId(), at);
            clocks.stop(c, REVIEW, caseRef, null, null, message.messageId(), at);
        }
        boolean rescheduled = clocks.move(c, OUTLINE_PLAN, caseRef, conference, startsAt) > 0;
        if (rescheduled) {
            clocks.move(c, CONFERENCE_MINUTES, caseRef, conference, startsAt);
            tracking.audit(c, message.messageId(), null, "compliance-note", null, null,
                    ComplianceNotes.conferenceRescheduled(conference, startsAt.toString()).detail(), "hub", at);
        } else {
            clocks.start(c, OUTLINE_PLAN, message.messageId(), caseRef, conference, message.sender(), message.sender(),
                    startsAt);
            clocks.start(c, CONFERENCE_MINUTES, message.messageId(), caseRef, conference, message.sender(),
                    message.sender(), startsAt);
        }
        Instant reportDue = reportDue(body, startsAt);
        Optional<String> gp = cases.find(c, caseRef).map(CaseBook.ChildCase::gpPractice);
        Set<String> owing = new LinkedHashSet<>();
        gp.filter(message.recipients()::contains).ifPresent(owing::add);
        if (body.writtenReport() != null && body.writtenReport().requested()) {
            owing.addAll(message.recipients());
        }
        // A rescheduled conference moves the reports already asked for; each agency newly asked owes one.
        clocks.moveUntil(c, WRITTEN_REPORT, caseRef, conference, at, reportDue);
        for (String agency : owing) {
            if (!owedBy(c, caseRef, conference, agency)) {
                clocks.startUntil(c, WRITTEN_REPORT, message.messageId(), caseRef, conference, agency,
                        message.sender(), at, reportDue);
            }
        }
    }

    private boolean owedBy(Connection c, String caseRef, String conference, String agency) throws SQLException {
        return clockStore.runningCaseClocks(c, caseRef, WRITTEN_REPORT, conference).stream()
                .anyMatch(k -> k.owedBy().equals(agency));
    }

    private Instant reportDue(ConferenceInvitation body, Instant startsAt) {
        Instant leadTime = calendar.dueBefore(startsAt, reportLeadDays).dueAt();
        if (body.writtenReport() != null && body.writtenReport().dueBy() != null) {
            Instant asked = body.writtenReport().dueBy().toInstant();
            return asked.isBefore(leadTime) ? asked : leadTime;
        }
        return leadTime;
    }

    private void outlinePlanCirculated(Connection c, Envelope message, Instant at) throws SQLException {
        OutlinePlan body = body(message, OutlinePlan.class);
        String caseRef = message.caseReference();
        clocks.stop(c, OUTLINE_PLAN, caseRef, body.conferenceId(), null, message.messageId(), at);
        Instant held = noonOf(body.heldOn());
        boolean wasRegistered = cases.find(c, caseRef).map(CaseBook.ChildCase::registered).orElse(false);
        if (body.registered()) {
            cases.addMembers(c, caseRef, CaseBook.CORE_GROUP, null, coreGroupOf(body));
            cases.setRegistered(c, caseRef, true, at);
            if (!wasRegistered) {
                register.startCoreGroup(c, message, RegisterRules.FIRST_CORE_GROUP, held);
            }
            clocks.start(c, wasRegistered ? REVIEW : FIRST_REVIEW, message.messageId(), caseRef, null,
                    message.sender(), message.sender(), held);
        } else {
            register.endPlan(c, message, at);
        }
    }

    private void minutesCirculated(Connection c, Envelope message, Instant at) throws SQLException {
        ConferenceMinutes body = body(message, ConferenceMinutes.class);
        cases.recordMinutes(c, message.caseReference(), body.conferenceId(), message.messageId(), at);
        if (body.isFinal()) {
            clocks.stop(c, CONFERENCE_MINUTES, message.caseReference(), body.conferenceId(), null, message.messageId(),
                    at);
        }
    }

    // ---- helpers ----

    private void remember(Connection c, Envelope message, ChildRef child, Instant at) throws SQLException {
        Optional<CaseBook.ChildCase> known = cases.find(c, message.caseReference());
        cases.remember(c, message.caseReference(), message.sender(), parties.gpPractice(child, known).orElse(null),
                parties.school(child, known).orElse(null), parties.policeForce(child, null, known).orElse(null), at);
    }

    private Routing councilOnly(Envelope message, Optional<CaseBook.ChildCase> known, SqlRouting routing)
            throws SQLException {
        Optional<Violation> refusal = parties.councilSends(message, known);
        return refusal.isPresent() ? Routing.refused(refusal.get()) : routing.route();
    }

    @FunctionalInterface
    private interface SqlRouting {
        Routing route() throws SQLException;
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

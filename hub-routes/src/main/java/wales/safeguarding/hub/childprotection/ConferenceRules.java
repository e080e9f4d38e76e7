package wales.safeguarding.hub.childprotection;

import static wales.safeguarding.hub.childprotection.MessageParts.agencies;
import static wales.safeguarding.hub.childprotection.MessageParts.body;
import static wales.safeguarding.hub.childprotection.MessageParts.children;
import static wales.safeguarding.hub.childprotection.MessageParts.named;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ConferenceRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.ConferenceReport;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Child protection conferences (Wales Safeguarding Procedures; 2023 review recommendations 1.4 and 1.8):
 * <ul>
 * <li>a conference invitation always reaches the GP practice of every child: the hub adds each registered practice
 * the council left out and records that it did, or, for a child with no known practice, sends it anyway and records
 * the gap;</li>
 * <li>a conference invitation also reaches the health professionals of every child ({@link HealthProfessionals}: the
 * health board's safeguarding team, and the area's health visiting or school nursing service by the child's age): the
 * hub adds each the council left out and records that it did, or records that no health board is known;</li>
 * <li>a written report is requested from each child's GP and each of those health agencies for every conference, and
 * tracked to its return;</li>
 * <li>the invitation books the conference ({@link ConferenceDeadlines}): the initial conference is due within 15
 * working days of the last strategy discussion, a review by each child's review date; an invitation for a later date
 * is accepted with a compliance note and counts as late; the clock is met when the conference is held
 * ({@link #held}, from its outline plan), not when it is called;</li>
 * <li>the invitation starts the outline plan (5 working days) and minutes (20) clocks; a rescheduled conference (an
 * invitation with the same conference id) moves them, and books the conference again.</li>
 * </ul>
 */
@ApplicationScoped
public class ConferenceRules implements FlowRules {

    static final String INITIAL_CONFERENCE = "initial-conference";
    /** The conference a council owes for a case transferred in (casetransfer.CaseTransferRules starts it; a held conference meets it). */
    public static final String TRANSFER_IN_CONFERENCE = "transfer-in-conference";
    public static final String WRITTEN_REPORT = "written-report";
    static final String OUTLINE_PLAN = "outline-plan";
    static final String CONFERENCE_MINUTES = "conference-minutes";
    static final String FIRST_REVIEW = "first-review-conference";
    static final String REVIEW = "review-conference";

    private final CaseParties parties;
    private final StatutoryClocks calendar;
    private final int reportLeadDays;
    private final ConferenceDeadlines deadlines;

    public ConferenceRules(CaseParties parties, StatutoryClocks calendar, ClockKeeper clocks,
            @ConfigProperty(name = "hub.conference.written-report-lead-working-days") int reportLeadDays) {
        this.parties = parties;
        this.calendar = calendar;
        this.reportLeadDays = reportLeadDays;
        this.deadlines = new ConferenceDeadlines(clocks);
    }

    /**
     * The effects of a conference being held, from its outline plan: an initial conference meets the case's initial
     * conference clock, a review each of its children's review clocks, on the day the outline plan says it was held.
     * Apply them before the outline plan's register decisions, which start the next review clock.
     */
    public static List<Effect> held(CaseFacts facts, Envelope outlinePlan, String conferenceId) {
        return ConferenceDeadlines.held(facts, outlinePlan, conferenceId);
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.CONFERENCE_INVITATION, MessageType.CONFERENCE_REPORT);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        if (message.type() == MessageType.CONFERENCE_REPORT) {
            return MessageParts.answerTo(facts, message, MessageType.CONFERENCE_INVITATION,
                    "answers-an-invitation-sent-to-you", "a conference-invitation sent to " + message.sender());
        }
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        var refusal = parties.councilSends(message, known);
        if (refusal.isPresent()) {
            return Routing.refused(refusal.get());
        }
        ConferenceInvitation body = body(message, ConferenceInvitation.class);
        List<Violation> voice = ChildrensVoice.violations(children(body.children()), body.childParticipation());
        if (!voice.isEmpty()) {
            return new Routing(List.of(), voice);
        }
        List<String> to = agencies(body.invitees());
        List<ComplianceNote> notes = new ArrayList<>();
        boolean unknownPractice = false;
        for (String gp : gpPractices(message, body, known)) {
            if (gp == null) {
                unknownPractice = true;
            } else if (!to.contains(gp) && !named(message).contains(gp)) {
                to.add(gp);
                notes.add(ComplianceNotes.gpAdded(gp));
            }
        }
        if (unknownPractice || children(body.children()).isEmpty()) {
            notes.add(ComplianceNotes.gpUnknown());
        }
        boolean unknownHealthBoard = false;
        for (CaseParties.HealthInvitee health : healthProfessionals(message, body)) {
            if (health.agencyId() == null) {
                unknownHealthBoard = true;
            } else if (!to.contains(health.agencyId()) && !named(message).contains(health.agencyId())) {
                to.add(health.agencyId());
                notes.add(ComplianceNotes.healthAdded(health.service(), health.agencyId()));
            }
        }
        if (unknownHealthBoard) {
            notes.add(ComplianceNotes.healthBoardUnknown());
        }
        if (ConferenceRecord.INITIAL.equals(body.kind()) && Boolean.TRUE.equals(body.immediateRisk())
                && facts.safetyPlanParties(message.caseReference()).isEmpty()) {
            notes.add(ComplianceNotes.safetyPlanMissing(body.conferenceId()));
        }
        notes.addAll(ChildrensVoice.invitationNotes(body.conferenceId(), ConferenceRecord.INITIAL.equals(body.kind()),
                ChildrensVoice.invited(children(body.children()), body.childParticipation())));
        List<String> keys = parties.keysOf(children(body.children()), known);
        notes.addAll(deadlines.lateness(body, deadlines.of(facts, message, body, keys)));
        return new Routing(to, List.of(), notes);
    }

    /** The GP practice of each child the invitation names (null where none is known), in order. */
    private List<String> gpPractices(Envelope message, ConferenceInvitation body, Optional<CaseRecord> known) {
        List<ChildRef> children = children(body.children());
        List<String> keys = parties.keysOf(children, known);
        List<String> practices = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            practices.add(parties.gpPractice(children.get(i), CaseParties.known(known, keys.get(i))).orElse(null));
        }
        return practices;
    }

    /** The health professionals of every child the invitation names, each agency once, in order. */
    private List<CaseParties.HealthInvitee> healthProfessionals(Envelope message, ConferenceInvitation body) {
        LocalDate day = body.meeting().startsAt().atZoneSameInstant(WorkingDayCalendar.LONDON).toLocalDate();
        List<CaseParties.HealthInvitee> all = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ChildRef child : children(body.children())) {
            for (CaseParties.HealthInvitee health : parties.healthProfessionals(child, message.sender(), day)) {
                if (health.agencyId() == null ? all.stream().noneMatch(h -> h.agencyId() == null)
                        : seen.add(health.agencyId())) {
                    all.add(health);
                }
            }
        }
        return all;
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        if (message.type() == MessageType.CONFERENCE_REPORT) {
            return List.of(new Effect.StopClocks(WRITTEN_REPORT, message.caseReference(),
                    body(message, ConferenceReport.class).conferenceId(), message.sender()));
        }
        ConferenceInvitation body = body(message, ConferenceInvitation.class);
        String caseRef = message.caseReference();
        String conference = body.conferenceId();
        Optional<CaseRecord> known = facts.caseOf(caseRef);
        List<Effect> effects = new ArrayList<>(parties.rememberChildren(message, children(body.children()), facts));
        effects.add(new Effect.AddMembers(caseRef, Effect.AddMembers.INVITEE, conference, message.recipients()));
        Instant startsAt = body.meeting().startsAt().toInstant();
        List<String> keys = parties.keysOf(children(body.children()), known);
        effects.add(new Effect.RememberConference(caseRef, new ConferenceRecord(conference, body.kind(), startsAt, keys)));
        effects.add(ChildrensVoice.invitationRecord(caseRef, message.sender(), conference,
                ChildrensVoice.invited(children(body.children()), body.childParticipation())));
        // The invitation does not meet the initial conference or review clock: the conference being held does.
        effects.addAll(deadlines.booked(message, body, deadlines.of(facts, message, body, keys)));
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
        effects.addAll(writtenReports(facts, message, body, known, at, startsAt));
        return effects;
    }

    /**
     * Each child's GP practice owes a written report for every conference (1.8), and so does every invitee when the
     * council asks them all; a rescheduled conference moves the reports already asked for.
     */
    private List<Effect> writtenReports(CaseFacts facts, Envelope message, ConferenceInvitation body,
            Optional<CaseRecord> known, Instant at, Instant startsAt) {
        String caseRef = message.caseReference();
        String conference = body.conferenceId();
        Instant reportDue = reportDue(body, startsAt);
        Set<String> owing = new LinkedHashSet<>();
        gpPractices(message, body, known).stream().filter(gp -> gp != null && message.recipients().contains(gp))
                .forEach(owing::add);
        // the health professionals the conference reaches owe their written contribution as the GP does (1.4, 1.8)
        healthProfessionals(message, body).stream().map(CaseParties.HealthInvitee::agencyId)
                .filter(h -> h != null && message.recipients().contains(h)).forEach(owing::add);
        if (body.writtenReport() != null && body.writtenReport().requested()) {
            owing.addAll(message.recipients());
        }
        List<Effect> effects = new ArrayList<>();
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
}

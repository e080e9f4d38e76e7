package wales.safeguarding.hub.childprotection;

import static wales.safeguarding.hub.childprotection.MessageParts.body;
import static wales.safeguarding.hub.childprotection.MessageParts.noonOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.clocks.ClockPeriod;
import wales.safeguarding.hub.clocks.ClockRecord;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.ConferenceRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.OutlinePlan;
import wales.safeguarding.schemas.envelope.Envelope;

/**
 * The deadline a conference answers, measured at the conference, not at its invitation (Wales Safeguarding
 * Procedures; issue 10 defect 3):
 * <ul>
 * <li>an initial conference is due within 15 working days of the last strategy discussion: the invitation's
 * {@code lastStrategyDiscussionAt} moves the case's clock to run from it when it is later (or starts it when none
 * runs, unless every child is already on the register);</li>
 * <li>a review conference is due by each child's review date (3 months after the initial conference, then every 6
 * months);</li>
 * <li>in a case transferred in, the receiving council's first conference, of either kind, is also its transfer-in
 * conference, due within 15 working days of the transfer (the {@code transfer-in-conference} clock);</li>
 * <li>an invitation for a date after the deadline is accepted with a compliance note to the council: it will be late,
 * and the clock escalates as any late clock; an invitation in time holds the clock's escalations until the outline
 * plan is due, since only the outline plan can say the conference was held;</li>
 * <li>the outline plan of the conference ({@code heldOn}) meets the clock: see {@link #held}.</li>
 * </ul>
 */
final class ConferenceDeadlines {

    /** A clock the booked conference answers, its subject (a child, for a review) and when it is due. */
    record Deadline(String clock, String subject, Instant dueAt, Effect startOrMove) {
    }

    private final ClockKeeper keeper;

    ConferenceDeadlines(ClockKeeper keeper) {
        this.keeper = keeper;
    }

    /** The deadlines the conference of this invitation answers, once the invitation is accepted. */
    List<Deadline> of(CaseFacts facts, Envelope message, ConferenceInvitation body, List<String> children) {
        String caseRef = message.caseReference();
        List<Deadline> deadlines = new ArrayList<>();
        String transferIn = ConferenceRules.TRANSFER_IN_CONFERENCE;
        latest(facts.runningClocks(caseRef, transferIn, null))
                .ifPresent(due -> deadlines.add(new Deadline(transferIn, null, due, null)));
        if (!ConferenceRecord.INITIAL.equals(body.kind())) {
            for (String child : children) {
                for (String clock : List.of(ConferenceRules.FIRST_REVIEW, ConferenceRules.REVIEW)) {
                    latest(facts.runningClocks(caseRef, clock, child))
                            .ifPresent(due -> deadlines.add(new Deadline(clock, child, due, null)));
                }
            }
            return deadlines;
        }
        String clock = ConferenceRules.INITIAL_CONFERENCE;
        Optional<Instant> running = latest(facts.runningClocks(caseRef, clock, null));
        Instant last = body.lastStrategyDiscussionAt() == null ? null : body.lastStrategyDiscussionAt().toInstant();
        Instant fromLast = last == null ? null : keeper.due(clock, last).dueAt();
        if (running.isPresent()) {
            boolean later = fromLast != null && fromLast.isAfter(running.get());
            deadlines.add(later ? new Deadline(clock, null, fromLast, new Effect.MoveClocks(clock, caseRef, null, last))
                    : new Deadline(clock, null, running.get(), null));
        } else if (fromLast != null && !allRegistered(facts, caseRef, children)) {
            deadlines.add(new Deadline(clock, null, fromLast,
                    new Effect.StartClock(clock, caseRef, null, message.sender(), message.sender(), last)));
        }
        return deadlines;
    }

    /** A compliance note for each deadline the booked conference misses (one per date). */
    List<ComplianceNote> lateness(ConferenceInvitation body, List<Deadline> deadlines) {
        Instant startsAt = body.meeting().startsAt().toInstant();
        LocalDate startsOn = startsAt.atZone(WorkingDayCalendar.LONDON).toLocalDate();
        Set<LocalDate> limits = new LinkedHashSet<>();
        List<ComplianceNote> notes = new ArrayList<>();
        for (Deadline d : deadlines) {
            if (!startsAt.isAfter(d.dueAt())) {
                continue;
            }
            LocalDate limit = WorkingDayCalendar.dayEndingAt(d.dueAt());
            if (ConferenceRules.TRANSFER_IN_CONFERENCE.equals(d.clock())) {
                notes.add(ComplianceNotes.transferInConferenceLate(body.conferenceId(), startsOn,
                        workingDays(ConferenceRules.TRANSFER_IN_CONFERENCE), limit));
            } else {
                limits.add(limit);
            }
        }
        for (LocalDate limit : limits) {
            notes.add(ConferenceRecord.INITIAL.equals(body.kind())
                    ? ComplianceNotes.initialConferenceLate(body.conferenceId(), startsOn, initialWorkingDays(), limit)
                    : ComplianceNotes.reviewConferenceLate(body.conferenceId(), startsOn, limit));
        }
        return notes;
    }

    /**
     * What booking the conference does to its deadlines: the initial conference clock moved or started, then each
     * clock's escalations held until the outline plan is due (booked in time) or going on (booked late).
     */
    List<Effect> booked(Envelope message, ConferenceInvitation body, List<Deadline> deadlines) {
        Instant startsAt = body.meeting().startsAt().toInstant();
        Instant outlinePlanDue = keeper.due(ConferenceRules.OUTLINE_PLAN, startsAt).dueAt();
        List<Effect> effects = new ArrayList<>();
        for (Deadline d : deadlines) {
            if (d.startOrMove() != null) {
                effects.add(d.startOrMove());
            }
            effects.add(new Effect.HoldEscalations(d.clock(), message.caseReference(), d.subject(),
                    startsAt.isAfter(d.dueAt()) ? null : outlinePlanDue));
        }
        return effects;
    }

    /**
     * The conference was held (its outline plan says on which day): that meets the clock it answers, on that day. An
     * initial conference meets the case's initial conference clock; a review meets the review clocks of each of its
     * children. A conference the hub has no booking of (invited before the hub kept them) meets nothing here.
     */
    static List<Effect> held(CaseFacts facts, Envelope outlinePlan, String conferenceId) {
        String caseRef = outlinePlan.caseReference();
        Optional<ConferenceRecord> booked = facts.conference(caseRef, conferenceId);
        if (booked.isEmpty()) {
            return List.of();
        }
        LocalDate heldOn = body(outlinePlan, OutlinePlan.class).heldOn();
        Instant heldAt = heldOn == null ? null : noonOf(heldOn);
        List<Effect> effects = new ArrayList<>();
        // a case transferred in: the first conference the receiving council holds is its transfer-in conference
        if (!facts.runningClocks(caseRef, ConferenceRules.TRANSFER_IN_CONFERENCE, null).isEmpty()) {
            effects.add(new Effect.StopClocks(ConferenceRules.TRANSFER_IN_CONFERENCE, caseRef, null, null, heldAt));
        }
        if (booked.get().initial()) {
            effects.add(new Effect.StopClocks(ConferenceRules.INITIAL_CONFERENCE, caseRef, null, null, heldAt));
            return effects;
        }
        for (String child : booked.get().children()) {
            effects.add(new Effect.StopClocks(ConferenceRules.FIRST_REVIEW, caseRef, child, null, heldAt));
            effects.add(new Effect.StopClocks(ConferenceRules.REVIEW, caseRef, child, null, heldAt));
        }
        return effects;
    }

    /**
     * A conference cancelled but still needed: the clock it answered escalates again from the rung it is on (the hold
     * of its booking ends). {@code children}: the children of a review.
     */
    static List<Effect> unbooked(String caseReference, boolean initial, List<String> children) {
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.HoldEscalations(ConferenceRules.TRANSFER_IN_CONFERENCE, caseReference, null, null));
        if (initial) {
            effects.add(new Effect.HoldEscalations(ConferenceRules.INITIAL_CONFERENCE, caseReference, null, null));
            return effects;
        }
        for (String child : children) {
            effects.add(new Effect.HoldEscalations(ConferenceRules.FIRST_REVIEW, caseReference, child, null));
            effects.add(new Effect.HoldEscalations(ConferenceRules.REVIEW, caseReference, child, null));
        }
        return effects;
    }

    /** True when every child of these keys is on the register (and the case is known). */
    static boolean allRegistered(CaseFacts facts, String caseReference, List<String> children) {
        return facts.caseOf(caseReference).map(k -> k.allRegistered(children)).orElse(false);
    }

    private int initialWorkingDays() {
        return workingDays(ConferenceRules.INITIAL_CONFERENCE);
    }

    private int workingDays(String clock) {
        ClockPeriod period = keeper.definition(clock).period();
        return period instanceof ClockPeriod.WorkingDays days ? days.days() : 15;
    }

    private static Optional<Instant> latest(List<ClockRecord> running) {
        return running.stream().map(ClockRecord::dueAt).max(Comparator.naturalOrder());
    }
}

package wales.safeguarding.hub.clocks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.calendar.WorkingDayCalendar;

/**
 * Starts, stops and moves the statutory clocks, each as configured ({@code hub.clocks.<clock>.period} and
 * {@code .ladder}). The flows say when a clock starts and what stops it; this class knows how long it runs and
 * when each rung of its ladder is due.
 */
@ApplicationScoped
public class ClockKeeper {

    /** One configured clock. */
    public record Definition(String name, ClockPeriod period, Ladder ladder) {
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final StatutoryClocks calendar;
    private final ClockRepository clockStore;

    public ClockKeeper(ClocksConfig config, StatutoryClocks calendar, ClockRepository clockStore) {
        this.calendar = calendar;
        this.clockStore = clockStore;
        config.clocks().forEach((name, clock) -> {
            try {
                definitions.put(name, new Definition(name, ClockPeriod.parse(clock.period()), Ladder.parse(clock.ladder())));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("hub.clocks." + name + ": " + e.getMessage(), e);
            }
        });
    }

    public Definition definition(String clock) {
        Definition definition = definitions.get(clock);
        if (definition == null) {
            throw new IllegalStateException("no clock '" + clock + "' is configured (hub.clocks." + clock
                    + ".period and .ladder); configured: " + definitions.keySet());
        }
        return definition;
    }

    /** When a clock started at {@code anchor} runs out, and whether the bank-holiday data covered it. */
    public StatutoryClocks.Due due(String clock, Instant anchor) {
        ClockPeriod period = definition(clock).period();
        if (period instanceof ClockPeriod.WorkingDays days) {
            return calendar.due(anchor, days.days());
        }
        var day = ClockPeriod.calendarDueDay(period, anchor.atZone(WorkingDayCalendar.LONDON).toLocalDate());
        return new StatutoryClocks.Due(day.plusDays(1).atStartOfDay(WorkingDayCalendar.LONDON).toInstant(), false);
    }

    /** When a rung of the ladder is due for a clock that ran out at {@code dueAt}. */
    public Instant rungAt(Instant dueAt, Ladder.Level level) {
        return level.afterWorkingDays() == 0 ? dueAt : calendar.due(dueAt.minusNanos(1), level.afterWorkingDays()).dueAt();
    }

    /** Starts a clock that runs to a set deadline (e.g. a written report due before a conference). */
    public void startUntil(Connection c, String clock, UUID startedBy, String caseReference, String subject,
            String owedBy, String waiting, Instant startedAt, Instant dueAt) throws SQLException {
        Instant firstRung = rungAt(dueAt, definition(clock).ladder().levels().get(0));
        clockStore.insertClock(c, startedBy, clock, owedBy, waiting, startedAt, dueAt, firstRung, false,
                calendar.fingerprint(), caseReference, subject);
    }

    /** Stops a case's running clocks of this name ({@code subject}, {@code owedBy} narrow it when not null). */
    public int stop(Connection c, String clock, String caseReference, String subject, String owedBy, UUID metBy,
            Instant at) throws SQLException {
        return clockStore.meetCaseClocks(c, caseReference, clock, subject, owedBy, metBy, at);
    }

    /**
     * Moves a case's running clocks of this name to a new start (a conference or meeting rescheduled). Returns how
     * many were running (0: nothing to move).
     */
    public int move(Connection c, String clock, String caseReference, String subject, Instant newAnchor)
            throws SQLException {
        var running = clockStore.runningCaseClocks(c, caseReference, clock, subject);
        StatutoryClocks.Due due = due(clock, newAnchor);
        Instant firstRung = rungAt(due.dueAt(), definition(clock).ladder().levels().get(0));
        for (var k : running) {
            // A clock whose deadline does not change keeps its place on the ladder.
            if (!k.dueAt().equals(due.dueAt())) {
                clockStore.moveClock(c, k.id(), newAnchor, due.dueAt(), firstRung, due.beyondData(),
                        calendar.fingerprint());
            }
        }
        return running.size();
    }

    /** Moves a case's running deadline clocks of this name to a new deadline. */
    public int moveUntil(Connection c, String clock, String caseReference, String subject, Instant startedAt,
            Instant dueAt) throws SQLException {
        var running = clockStore.runningCaseClocks(c, caseReference, clock, subject);
        Instant firstRung = rungAt(dueAt, definition(clock).ladder().levels().get(0));
        for (var k : running) {
            if (!k.dueAt().equals(dueAt)) {
                clockStore.moveClock(c, k.id(), startedAt, dueAt, firstRung, false, calendar.fingerprint());
            }
        }
        return running.size();
    }

    /**
     * Holds the escalations of a case's running clocks of this name until {@code until} (their deadline stays), or,
     * when {@code until} is null, lets their ladder go on from the rung they are on. Returns how many were running.
     */
    public int hold(Connection c, String clock, String caseReference, String subject, Instant until)
            throws SQLException {
        var running = clockStore.runningCaseClocks(c, caseReference, clock, subject);
        Ladder ladder = definition(clock).ladder();
        for (var k : running) {
            var level = ladder.level(k.escalationStep());
            if (level.isEmpty()) {
                continue; // its ladder is climbed to the top: nothing more to send
            }
            Instant rung = rungAt(k.dueAt(), level.get());
            clockStore.advanceEscalation(c, k.id(), k.escalationStep(),
                    until == null || until.isBefore(rung) ? rung : until);
        }
        return running.size();
    }

    /** A running clock counted again with the bank-holiday data loaded now: when it is due and its next rung. */
    public record Recount(Instant dueAt, Instant nextEscalationAt, boolean beyondData) {

        /** True when counting again changed anything the escalation sweep or the tracking API reads. */
        public boolean changes(ClockRecord k) {
            return !dueAt.equals(k.dueAt()) || !java.util.Objects.equals(nextEscalationAt, k.nextEscalationAt())
                    || beyondData != k.calendarBeyondData();
        }
    }

    /**
     * Counts a running clock again with the bank-holiday data loaded now (a newer file replaced the one it was
     * counted with). A clock of working days is counted again from its start. A deadline clock (a written report due
     * before a conference, {@link #startUntil}) is given {@code leadTime}, the lead time before the conference counted
     * with the new data, and moves to it only when that is earlier: the date a council asked for is not kept, and a
     * deadline never moves later than the one the agency was told. Weeks and months do not depend on bank holidays.
     *
     * <p>The ladder stays on the rung it has reached (rungs already fired stay fired) and its next rung is counted
     * from the new due time; a rung held back to a later time ({@link #hold}) stays held.
     *
     * @param leadTime for a deadline clock, the lead time before its conference with the new data; null when the
     *                 clock is not a deadline clock or its conference is not known (then its deadline stays)
     */
    public Recount recount(ClockRecord k, boolean deadline, Instant leadTime) {
        Definition definition = definition(k.clock());
        Instant dueAt = k.dueAt();
        boolean beyondData = k.calendarBeyondData();
        if (deadline) {
            if (leadTime != null && leadTime.isBefore(dueAt)) {
                dueAt = leadTime;
            }
        } else if (definition.period() instanceof ClockPeriod.WorkingDays) {
            StatutoryClocks.Due due = due(k.clock(), k.startedAt());
            dueAt = due.dueAt();
            beyondData = due.beyondData();
        }
        Instant next = k.nextEscalationAt();
        var level = definition.ladder().level(k.escalationStep());
        if (next != null && level.isPresent()) {
            Instant wasRung = rungAt(k.dueAt(), level.get());
            Instant rung = rungAt(dueAt, level.get());
            boolean held = next.isAfter(wasRung);
            next = held && next.isAfter(rung) ? next : rung;
        }
        return new Recount(dueAt, next, beyondData);
    }

    /** True while a clock of this name runs for the case (narrowed by subject when given). */
    public boolean running(Connection c, String clock, String caseReference, String subject) throws SQLException {
        return !clockStore.runningCaseClocks(c, caseReference, clock, subject).isEmpty();
    }

    /**
     * Starts a clock. {@code startedBy} is the message that started it; {@code caseReference} and {@code subject}
     * (e.g. a conference id) are how later messages find it to stop or move it.
     */
    public void start(Connection c, String clock, UUID startedBy, String caseReference, String subject, String owedBy,
            String waiting, Instant anchor) throws SQLException {
        StatutoryClocks.Due due = due(clock, anchor);
        Instant firstRung = rungAt(due.dueAt(), definition(clock).ladder().levels().get(0));
        clockStore.insertClock(c, startedBy, clock, owedBy, waiting, anchor, due.dueAt(), firstRung, due.beyondData(),
                calendar.fingerprint(), caseReference, subject);
    }
}

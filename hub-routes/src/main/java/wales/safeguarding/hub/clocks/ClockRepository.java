package wales.safeguarding.hub.clocks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * The statutory clocks and the escalations they fired, in SQL. Every method works inside the caller's transaction.
 */
@ApplicationScoped
public class ClockRepository {


    public void insertClock(Connection c, UUID messageId, String clock, String owedBy, String waiting, Instant startedAt,
            Instant dueAt, Instant firstEscalationAt, boolean calendarBeyondData, String calendar, String caseReference,
            String subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into statutory_clock (message_id, clock, owed_by, waiting, started_at, due_at, next_escalation_at,
                    calendar_beyond_data, case_reference, subject, calendar)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, messageId);
            ps.setString(2, clock);
            ps.setString(3, owedBy);
            ps.setString(4, waiting);
            ps.setTimestamp(5, Timestamp.from(startedAt));
            ps.setTimestamp(6, Timestamp.from(dueAt));
            ps.setTimestamp(7, Timestamp.from(firstEscalationAt));
            ps.setBoolean(8, calendarBeyondData);
            ps.setString(9, caseReference);
            ps.setString(10, subject);
            ps.setString(11, calendar);
            ps.executeUpdate();
        }
    }

    public List<ClockRecord> clocks(Connection c, UUID messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLOCK_COLUMNS + " where message_id = ? order by id")) {
            ps.setObject(1, messageId);
            return readClocks(ps);
        }
    }

    /** Stops a clock: the step it waited for happened. Returns false if it had already stopped. */
    public boolean meetClock(Connection c, UUID messageId, String clock, String owedBy, UUID metBy, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update statutory_clock set met_at = ?, met_by_message = ?, next_escalation_at = null
                where message_id = ? and clock = ? and owed_by = ? and met_at is null""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, metBy);
            ps.setObject(3, messageId);
            ps.setString(4, clock);
            ps.setString(5, owedBy);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Stops the running clocks of a case: {@code subject} and {@code owedBy} narrow it when given. Returns how many
     * stopped.
     */
    public int meetCaseClocks(Connection c, String caseReference, String clock, String subject, String owedBy, UUID metBy,
            Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update statutory_clock set met_at = ?, met_by_message = ?, next_escalation_at = null
                where case_reference = ? and clock = ? and met_at is null
                  and (?::text is null or subject = ?) and (?::text is null or owed_by = ?)""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, metBy);
            ps.setString(3, caseReference);
            ps.setString(4, clock);
            ps.setString(5, subject);
            ps.setString(6, subject);
            ps.setString(7, owedBy);
            ps.setString(8, owedBy);
            return ps.executeUpdate();
        }
    }

    /**
     * The running clocks of a case with these names owed by {@code from} are owed by {@code to} from now on (a
     * case-transfer), and wait for {@code to} where they waited for {@code from}; deadlines and ladders stay. Returns
     * how many moved.
     */
    public int handOver(Connection c, String caseReference, List<String> clocks, String from, String to)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update statutory_clock set owed_by = ?, waiting = case when waiting = ? then ? else waiting end
                where case_reference = ? and owed_by = ? and met_at is null and clock = any (?)""")) {
            ps.setString(1, to);
            ps.setString(2, from);
            ps.setString(3, to);
            ps.setString(4, caseReference);
            ps.setString(5, from);
            ps.setArray(6, c.createArrayOf("text", clocks.toArray()));
            return ps.executeUpdate();
        }
    }

    /** The running clocks of a case (narrowed by subject when given). */
    public List<ClockRecord> runningCaseClocks(Connection c, String caseReference, String clock, String subject)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLOCK_COLUMNS + """
                 where case_reference = ? and clock = ? and met_at is null and (?::text is null or subject = ?)
                order by id""")) {
            ps.setString(1, caseReference);
            ps.setString(2, clock);
            ps.setString(3, subject);
            ps.setString(4, subject);
            return readClocks(ps);
        }
    }

    /** The case and subject a clock was started for (a challenge's stage clock: the case and the challenge id). */
    public record CaseSubject(String caseReference, String subject) {
    }

    public Optional<CaseSubject> caseSubject(Connection c, long clockId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select case_reference, subject from statutory_clock where id = ?")) {
            ps.setLong(1, clockId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CaseSubject(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** A clock's new due time (a conference moved): its ladder starts again from the bottom. */
    public void moveClock(Connection c, long clockId, Instant startedAt, Instant dueAt, Instant firstEscalationAt,
            boolean calendarBeyondData, String calendar) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update statutory_clock set started_at = ?, due_at = ?, next_escalation_at = ?, escalation_step = 0,
                    calendar_beyond_data = ?, calendar = ? where id = ?""")) {
            ps.setTimestamp(1, Timestamp.from(startedAt));
            ps.setTimestamp(2, Timestamp.from(dueAt));
            ps.setTimestamp(3, Timestamp.from(firstEscalationAt));
            ps.setBoolean(4, calendarBeyondData);
            ps.setString(5, calendar);
            ps.setLong(6, clockId);
            ps.executeUpdate();
        }
    }

    public void advanceEscalation(Connection c, long clockId, int step, Instant nextEscalationAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update statutory_clock set escalation_step = ?, next_escalation_at = ? where id = ?")) {
            ps.setInt(1, step);
            ps.setTimestamp(2, nextEscalationAt == null ? null : Timestamp.from(nextEscalationAt));
            ps.setLong(3, clockId);
            ps.executeUpdate();
        }
    }

    /** How many most-overdue reports a claim looks at, per report it may claim. */
    static final int CANDIDATES_PER_CLAIM = 4;

    /**
     * Claims up to {@code limit} reports with at least one clock due, most overdue first, each as one unit of work:
     * the report's row is locked {@code for no key update skip locked}, so a report another hub instance is working on
     * is passed over (the limit counts only reports claimed, so that instance takes the next ones, among the
     * {@value #CANDIDATES_PER_CLAIM} × {@code limit} most overdue: only those are looked up and locked) and a report's
     * clocks are never split between two instances. {@code no key update}: it does not wait for, or skip because of,
     * the key-share locks that rows referring to the report take as they are written.
     */
    public List<UUID> claimReportsWithDueClocks(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select m.message_id
                from (select message_id, min(next_escalation_at) as first_due from statutory_clock
                      where next_escalation_at <= ? and met_at is null group by message_id
                      order by first_due, message_id limit ?) due
                join message m on m.message_id = due.message_id
                order by due.first_due, m.message_id
                limit ?
                for no key update of m skip locked""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, limit * CANDIDATES_PER_CLAIM);
            ps.setInt(3, limit);
            List<UUID> reports = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reports.add(rs.getObject(1, UUID.class));
                }
            }
            return reports;
        }
    }

    /**
     * The due clocks of claimed reports, locked (waiting for an answer being recorded at this moment), in one
     * statement: by report, then by id.
     */
    public List<ClockRecord> lockDueClocksOf(Connection c, List<UUID> reports, Instant now) throws SQLException {
        if (reports.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement(CLOCK_COLUMNS
                + " where message_id = any(?) and next_escalation_at <= ? and met_at is null order by message_id, id"
                + " for update")) {
            ps.setArray(1, c.createArrayOf("uuid", reports.toArray()));
            ps.setTimestamp(2, Timestamp.from(now));
            return readClocks(ps);
        }
    }

    /** A clock's next rung, as {@link #advanceEscalations} records it. */
    public record Advance(long clockId, int step, Instant nextEscalationAt) {
    }

    /** As {@link #advanceEscalation}, for several clocks in one statement (the sweep's batch: one round trip). */
    public void advanceEscalations(Connection c, List<Advance> advances) throws SQLException {
        if (advances.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update statutory_clock s set escalation_step = a.step, next_escalation_at = a.next_at
                from unnest(?::bigint[], ?::int[], ?::timestamptz[]) as a(id, step, next_at)
                where s.id = a.id""")) {
            ps.setArray(1, c.createArrayOf("bigint", advances.stream().map(Advance::clockId).toArray()));
            ps.setArray(2, c.createArrayOf("integer", advances.stream().map(Advance::step).toArray()));
            ps.setArray(3, c.createArrayOf("timestamptz", advances.stream()
                    .map(a -> a.nextEscalationAt() == null ? null : Timestamp.from(a.nextEscalationAt())).toArray()));
            ps.executeUpdate();
        }
    }

    /** An escalation step fired for a clock's deadline, as {@link #recordEscalations} records it. */
    public record Fired(long clockId, String step, Instant dueAt, UUID escalationMessageId) {
    }

    /**
     * As {@link #recordEscalation}, for several in one JDBC batch. Returns the ones that had already fired (the unique
     * key says so; empty when none had).
     */
    public List<Fired> recordEscalations(Connection c, List<Fired> fired, Instant at) throws SQLException {
        if (fired.isEmpty()) {
            return List.of();
        }
        // one statement for the batch; the rows it did not insert (their key was there) are the ones that had fired
        try (PreparedStatement ps = c.prepareStatement("""
                insert into escalation (clock_id, step, due_at, escalation_message_id, fired_at)
                select f.clock_id, f.step, f.due_at, f.message_id, ?
                from unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::uuid[]) as f(clock_id, step, due_at, message_id)
                on conflict (clock_id, step, due_at) do nothing
                returning clock_id, step, due_at""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, c.createArrayOf("bigint", fired.stream().map(Fired::clockId).toArray()));
            ps.setArray(3, c.createArrayOf("text", fired.stream().map(Fired::step).toArray()));
            ps.setArray(4, c.createArrayOf("timestamptz", fired.stream().map(f -> Timestamp.from(f.dueAt())).toArray()));
            ps.setArray(5, c.createArrayOf("uuid", fired.stream().map(Fired::escalationMessageId).toArray()));
            java.util.Set<String> inserted = new java.util.HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(key(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
            List<Fired> already = new ArrayList<>();
            for (Fired f : fired) {
                if (!inserted.contains(key(f.clockId(), f.step(), f.dueAt()))) {
                    already.add(f);
                }
            }
            return already;
        }
    }

    /** An escalation row's key as compared here (the database keeps microseconds). */
    private static String key(long clockId, String step, Instant dueAt) {
        return clockId + "|" + step + "|" + dueAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static final String CLOCK_COLUMNS = """
            select id, message_id, clock, owed_by, waiting, started_at, due_at, met_at, escalation_step,
                next_escalation_at, calendar_beyond_data from statutory_clock""";

    private static List<ClockRecord> readClocks(PreparedStatement ps) throws SQLException {
        List<ClockRecord> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new ClockRecord(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getInt(9), instant(rs, 10),
                        rs.getBoolean(11)));
            }
        }
        return found;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

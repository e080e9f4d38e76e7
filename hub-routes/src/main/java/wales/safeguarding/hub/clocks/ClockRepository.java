package wales.safeguarding.hub.clocks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * The statutory clocks and the escalations they fired, in SQL. Every method works inside the caller's transaction.
 */
@ApplicationScoped
public class ClockRepository {


    public void insertClock(Connection c, UUID messageId, String clock, String owedBy, String waiting, Instant startedAt,
            Instant dueAt, Instant firstEscalationAt, boolean calendarBeyondData, String caseReference, String subject)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into statutory_clock (message_id, clock, owed_by, waiting, started_at, due_at, next_escalation_at,
                    calendar_beyond_data, case_reference, subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
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

    /** A clock's new due time (a conference moved): its ladder starts again from the bottom. */
    public void moveClock(Connection c, long clockId, Instant startedAt, Instant dueAt, Instant firstEscalationAt,
            boolean calendarBeyondData) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update statutory_clock set started_at = ?, due_at = ?, next_escalation_at = ?, escalation_step = 0,
                    calendar_beyond_data = ? where id = ?""")) {
            ps.setTimestamp(1, Timestamp.from(startedAt));
            ps.setTimestamp(2, Timestamp.from(dueAt));
            ps.setTimestamp(3, Timestamp.from(firstEscalationAt));
            ps.setBoolean(4, calendarBeyondData);
            ps.setLong(5, clockId);
            ps.executeUpdate();
        }
    }

    /** Reports with at least one clock whose next escalation is due, most overdue first. Takes no lock. */
    public List<UUID> reportsWithDueClocks(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select message_id from statutory_clock where next_escalation_at <= ? and met_at is null
                group by message_id order by min(next_escalation_at) limit ?""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, limit);
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
     * Takes a report as one unit of work: {@code skip locked}, so another hub instance already working on it is left
     * alone, and the report's clocks are never split between two instances. {@code no key update}: it does not wait
     * for, or skip because of, the key-share locks that rows referring to the report take as they are written.
     */
    public boolean lockReport(Connection c, UUID messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from message where message_id = ? for no key update skip locked")) {
            ps.setObject(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The report's clocks that are due now, locked (waiting for an answer being recorded at this moment). */
    public List<ClockRecord> lockDueClocksOf(Connection c, UUID messageId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLOCK_COLUMNS
                + " where message_id = ? and next_escalation_at <= ? and met_at is null order by id for update")) {
            ps.setObject(1, messageId);
            ps.setTimestamp(2, Timestamp.from(now));
            return readClocks(ps);
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

    /** Records that a clock's escalation step fired for its deadline. False if it already had (the unique key says so). */
    public boolean recordEscalation(Connection c, long clockId, String step, Instant dueAt, UUID escalationMessageId,
            Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into escalation (clock_id, step, due_at, escalation_message_id, fired_at) values (?, ?, ?, ?, ?)
                on conflict (clock_id, step, due_at) do nothing""")) {
            ps.setLong(1, clockId);
            ps.setString(2, step);
            ps.setTimestamp(3, Timestamp.from(dueAt));
            ps.setObject(4, escalationMessageId);
            ps.setTimestamp(5, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        }
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

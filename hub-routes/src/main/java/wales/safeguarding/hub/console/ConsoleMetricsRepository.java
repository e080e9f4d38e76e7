package wales.safeguarding.hub.console;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Rows;

/**
 * The operations counts behind the console's "now" view, from the tracking tables: messages by acceptance time,
 * deliveries by their state changes (each one an audit event with its time), the clocks and escalations.
 */
@ApplicationScoped
public class ConsoleMetricsRepository {

    /** A recipient's deliveries not yet delivered. */
    public record Waiting(String recipient, long waiting, Instant oldestAcceptedAt) {
    }

    /** States of a delivery still waiting for the recipient's system: stored, on the queue, being retried. */
    static final String WAITING_STATES = "('accepted', 'queued', 'failed')";

    public Map<Instant, Long> acceptedPerMinute(Connection c, Instant since) throws SQLException {
        return perMinute(c, "select date_trunc('minute', accepted_at), count(*) from message where accepted_at >= ?"
                + " group by 1", since);
    }

    /** Changes of delivery state into one of {@code states} (a SQL list), per minute. */
    public Map<Instant, Long> statesPerMinute(Connection c, Instant since, String states) throws SQLException {
        return perMinute(c, "select date_trunc('minute', at), count(*) from audit_event where event = 'state-changed'"
                + " and at >= ? and to_state in " + states + " group by 1", since);
    }

    /** Changes of delivery state per minute: into delivered, and into failed or dead-lettered. */
    public record StatesPerMinute(Map<Instant, Long> delivered, Map<Instant, Long> failed) {
    }

    /**
     * {@link #statesPerMinute} for delivered and for failed or dead-lettered in one read of the period's state changes
     * (the Now view read them twice: after a sweep's burst, 30,000 rows of {@code audit_event} each time).
     */
    public StatesPerMinute deliveredAndFailedPerMinute(Connection c, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select date_trunc('minute', at), count(*) filter (where to_state = 'delivered'),
                       count(*) filter (where to_state in ('failed', 'dead-lettered'))
                from audit_event where event = 'state-changed' and at >= ?
                  and to_state in ('delivered', 'failed', 'dead-lettered')
                group by 1""")) {
            ps.setTimestamp(1, Timestamp.from(since));
            Map<Instant, Long> delivered = new HashMap<>();
            Map<Instant, Long> failed = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant minute = rs.getTimestamp(1).toInstant();
                    // a minute with none of one kind is left out of that map, as the query per kind left it out
                    if (rs.getLong(2) > 0) {
                        delivered.put(minute, rs.getLong(2));
                    }
                    if (rs.getLong(3) > 0) {
                        failed.put(minute, rs.getLong(3));
                    }
                }
            }
            return new StatesPerMinute(delivered, failed);
        }
    }

    private static Map<Instant, Long> perMinute(Connection c, String sql, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(since));
            Map<Instant, Long> counts = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getTimestamp(1).toInstant(), rs.getLong(2));
                }
            }
            return counts;
        }
    }

    public List<Waiting> waiting(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select d.recipient, count(*), min(m.accepted_at) from delivery d join message m on m.message_id = d.message_id
                where d.state in""" + " " + WAITING_STATES + " group by d.recipient order by d.recipient")) {
            return Rows.list(ps, rs -> new Waiting(rs.getString(1), rs.getLong(2), Rows.instant(rs, 3)));
        }
    }

    /**
     * The nearest-rank percentiles {@code percents} of the milliseconds from acceptance to delivery, over the newest
     * {@code limit} deliveries made since {@code since} (nulls when there were none), counted by the database:
     * {@code percentile_disc(p / 100)} is the value at rank ceil(p / 100 × n), as {@link Percentiles#nearestRank} takes
     * it, so the hub no longer reads every delivery of the hour to sort it.
     */
    public List<Long> deliveryLatencyPercentilesMs(Connection c, Instant since, int limit, int... percents)
            throws SQLException {
        return latencyPercentilesMs(c, LATENCY_PERCENTILES, since, limit, percents);
    }

    /**
     * The newest deliveries are taken first (the newest {@code limit} state changes to delivered, by
     * {@code audit_event_at} newest first), then joined to their messages: the planner had joined every delivery of the
     * hour to its message and sorted them before the limit (at a million messages, after a sweep's burst, 10,000
     * look-ups of message for 1,000 rows kept, 130 ms). Same rows: every audit event has its message (a foreign key).
     */
    static final String LATENCY_PERCENTILES = """
            select percentile_disc(?::float8[]) within group (order by ms) from (
                select greatest(0, (extract(epoch from (a.at - m.accepted_at)) * 1000)::bigint) as ms
                from (select message_id, at from audit_event
                      where event = 'state-changed' and to_state = 'delivered' and at >= ?
                      order by at desc limit ?) a
                join message m on m.message_id = a.message_id) latest""";

    /** {@link #LATENCY_PERCENTILES} as it was first written (join, then limit); kept for {@code NowQueriesFlowTest}. */
    static final String LATENCY_PERCENTILES_JOIN_FIRST = """
            select percentile_disc(?::float8[]) within group (order by ms) from (
                select greatest(0, (extract(epoch from (a.at - m.accepted_at)) * 1000)::bigint) as ms
                from audit_event a join message m on m.message_id = a.message_id
                where a.event = 'state-changed' and a.to_state = 'delivered' and a.at >= ?
                order by a.at desc limit ?) latest""";

    static List<Long> latencyPercentilesMs(Connection c, String sql, Instant since, int limit, int... percents)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Double[] fractions = new Double[percents.length];
            for (int i = 0; i < percents.length; i++) {
                fractions[i] = percents[i] / 100.0;
            }
            ps.setArray(1, c.createArrayOf("float8", fractions));
            ps.setTimestamp(2, Timestamp.from(since));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Array values = rs.getArray(1);
                if (values == null) {
                    return Arrays.asList(new Long[percents.length]);
                }
                List<Long> found = new ArrayList<>();
                for (Object v : (Object[]) values.getArray()) {
                    found.add(v == null ? null : ((Number) v).longValue());
                }
                return found;
            }
        }
    }

    public long overdueClocks(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from statutory_clock where met_at is null and due_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            return single(ps);
        }
    }

    /** Clocks that escalated and are still not met. */
    public long openEscalations(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*) from statutory_clock k
                where k.met_at is null and exists (select 1 from escalation e where e.clock_id = k.id)""")) {
            return single(ps);
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

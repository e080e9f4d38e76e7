package wales.safeguarding.hub.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Rows;

/**
 * Reads the facts {@link HubWatch} decides on, per agency, with queries that stay small at Wales size: the delivery
 * states they read are the rare ones (partial index {@code delivery_rare_state}), and the inbox's uncollected copies
 * have their own partial index (V27).
 */
@ApplicationScoped
public class WatchRepository {

    /** Agency → its deliveries dead-lettered (and not replayed since). */
    public Map<String, Long> deadLetters(Connection c) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select recipient, count(*) from delivery where state = 'dead-lettered' group by recipient");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** Agency → when the message of its oldest copy still to be delivered was accepted, and how many wait. */
    public Map<String, HubWatch.Oldest> waiting(Connection c) throws SQLException {
        return oldest(c, """
                select d.recipient, min(m.accepted_at), count(*) from delivery d
                join message m on m.message_id = d.message_id
                where d.state in ('accepted', 'queued', 'failed') group by d.recipient""");
    }

    /** Agency → when its oldest uncollected pull-inbox copy was placed, and how many wait. */
    public Map<String, HubWatch.Oldest> uncollected(Connection c) throws SQLException {
        return oldest(c, """
                select recipient, min(placed_at), count(*) from inbox where acknowledged_at is null
                group by recipient""");
    }

    /**
     * Agency → its escalation notices that are dead-lettered, or still to be delivered although accepted before
     * {@code cutoff}: when the oldest was accepted, and how many.
     */
    public Map<String, HubWatch.Oldest> failingEscalations(Connection c, Instant cutoff) throws SQLException {
        return oldest(c, """
                select d.recipient, min(m.accepted_at), count(*) from delivery d
                join message m on m.message_id = d.message_id
                where m.message_type = 'escalation'
                  and (d.state = 'dead-lettered' or (d.state in ('accepted', 'queued', 'failed') and m.accepted_at < ?))
                group by d.recipient""", cutoff);
    }

    /**
     * The open clocks whose next escalation fell due before {@code cutoff} and is still waiting: the oldest due time
     * and how many (index {@code statutory_clock_next_escalation}).
     */
    public HubWatch.Oldest stalledEscalations(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = Rows.bind(c.prepareStatement("""
                select min(next_escalation_at), count(*) from statutory_clock
                where next_escalation_at < ? and met_at is null"""), cutoff); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Instant oldest = Rows.instant(rs, 1);
            return oldest == null ? null : new HubWatch.Oldest(oldest, rs.getLong(2));
        }
    }

    private static Map<String, HubWatch.Oldest> oldest(Connection c, String sql, Object... parameters)
            throws SQLException {
        Map<String, HubWatch.Oldest> oldest = new HashMap<>();
        try (PreparedStatement ps = Rows.bind(c.prepareStatement(sql), parameters); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                oldest.put(rs.getString(1), new HubWatch.Oldest(Rows.instant(rs, 2), rs.getLong(3)));
            }
        }
        return oldest;
    }
}

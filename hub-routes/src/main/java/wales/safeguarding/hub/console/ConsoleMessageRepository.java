package wales.safeguarding.hub.console;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Rows;

/** The console's reads of messages: ids, types, agencies, states and times; never a body or a child identifier. */
@ApplicationScoped
public class ConsoleMessageRepository {

    /** A message's envelope facts the console may show. */
    public record Row(UUID messageId, String type, String sender, String caseReference, Instant acceptedAt) {
    }

    /** One recipient of a message. */
    public record Recipient(String agency, String state, int attempts) {
    }

    /** A message answering another (its correlation id names the other). */
    public record Answer(UUID messageId, String type, String sender, Instant acceptedAt) {
    }

    /** A notice the hub sent because a clock ran out. */
    public record Escalation(String clock, String owedBy, String step, UUID escalationMessageId, Instant dueAt,
            Instant firedAt) {
    }

    /** A dead-lettered delivery with its message's type. */
    public record DeadLetter(UUID messageId, String recipient, String type, String reason, int attempts, int replays,
            Instant deadLetteredAt) {
    }

    private static final String ROW = "select m.message_id, m.message_type, m.sender, m.case_reference, m.accepted_at"
            + " from message m";

    public List<Row> search(Connection c, MessageFilter filter, Instant now) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(parameters, now);
        try (PreparedStatement ps = c.prepareStatement(ROW + " where " + where
                + " order by m.accepted_at desc, m.message_id desc limit ?")) {
            parameters.add(filter.limit());
            Rows.bind(ps, parameters.toArray());
            return Rows.list(ps, ConsoleMessageRepository::row);
        }
    }

    /** Messages accepted after {@code after}, oldest first: what a live view has not shown yet. */
    /** A page of messages after a cursor, in (accepted at, message id) order. */
    public List<Row> acceptedAfter(Connection c, Instant at, UUID after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ROW
                + " where m.accepted_at >= ? and (m.accepted_at, m.message_id) > (?, ?)"
                + " order by m.accepted_at, m.message_id limit ?")) {
            Timestamp from = Timestamp.from(at);
            ps.setTimestamp(1, from);
            ps.setTimestamp(2, from);
            ps.setObject(3, after);
            ps.setInt(4, limit);
            return Rows.list(ps, ConsoleMessageRepository::row);
        }
    }

    public Map<UUID, List<Recipient>> recipients(Connection c, List<UUID> messageIds) throws SQLException {
        Map<UUID, List<Recipient>> byMessage = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return byMessage;
        }
        try (PreparedStatement ps = c.prepareStatement("select message_id, recipient, state, attempts from delivery"
                + " where message_id = any (?) order by message_id, recipient")) {
            ps.setArray(1, uuids(c, messageIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byMessage.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Recipient(rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
        }
        return byMessage;
    }

    /** The messages among {@code messageIds} with a clock running past its due time. */
    public Set<UUID> overdue(Connection c, List<UUID> messageIds, Instant now) throws SQLException {
        Set<UUID> overdue = new HashSet<>();
        if (messageIds.isEmpty()) {
            return overdue;
        }
        try (PreparedStatement ps = c.prepareStatement("select distinct message_id from statutory_clock"
                + " where message_id = any (?) and met_at is null and due_at < ?")) {
            ps.setArray(1, uuids(c, messageIds));
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    overdue.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return overdue;
    }

    public List<Answer> answers(Connection c, UUID messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select message_id, message_type, sender, accepted_at from message"
                + " where correlation_id = ? order by accepted_at, message_id")) {
            ps.setObject(1, messageId);
            return Rows.list(ps, rs -> new Answer(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    Rows.instant(rs, 4)));
        }
    }

    public List<Escalation> escalations(Connection c, UUID messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select k.clock, k.owed_by, e.step, e.escalation_message_id, e.due_at, e.fired_at
                from escalation e join statutory_clock k on k.id = e.clock_id
                where k.message_id = ? order by e.fired_at, e.id""")) {
            ps.setObject(1, messageId);
            return Rows.list(ps, rs -> new Escalation(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getObject(4, UUID.class), Rows.instant(rs, 5), Rows.instant(rs, 6)));
        }
    }

    /** Dead-lettered deliveries, newest first; {@code reason} matches part of the reason, ignoring case. */
    public List<DeadLetter> deadLetters(Connection c, String agency, String type, String reason, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select d.message_id, d.recipient, m.message_type, d.last_error, d.attempts, d.replays, d.updated_at
                from delivery d join message m on m.message_id = d.message_id
                where d.state = 'dead-lettered' and (?::text is null or d.recipient = ?)
                  and (?::text is null or m.message_type = ?)
                  and (?::text is null or strpos(lower(coalesce(d.last_error, '')), lower(?)) > 0)
                order by d.updated_at desc, d.message_id limit ?""")) {
            Rows.bind(ps, agency, agency, type, type, reason, reason, limit);
            return Rows.list(ps, rs -> new DeadLetter(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getInt(5), rs.getInt(6), Rows.instant(rs, 7)));
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                Rows.instant(rs, 5));
    }

    private static Array uuids(Connection c, List<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }
}

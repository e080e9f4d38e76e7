package wales.safeguarding.hub.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.bodies.Body;
import wales.safeguarding.hub.bodies.BodyCipher;
import wales.safeguarding.hub.bodies.BodyKeys;
import wales.safeguarding.hub.bodies.BodyVault;
import wales.safeguarding.hub.bodies.SealedBody;

import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The tracking tables in SQL. Every method works inside the caller's transaction (see
 * {@link wales.safeguarding.hub.database.Transactions}); every change of a delivery's state writes its audit event
 * in the same transaction. A message's body is encrypted on the way in and decrypted only when read
 * ({@link StoredMessage#payload()}); see {@link BodyCipher}.
 */
@ApplicationScoped
public class TrackingRepository {

    private final BodyCipher cipher;

    public TrackingRepository(BodyVault vault) {
        this.cipher = vault.cipher();
    }

    // ---- messages ----

    private static final String INSERT_MESSAGE = """
                insert into message (message_id, message_type, schema_version, sender, case_reference, child_reference,
                    correlation_id, language, security_label, created_at, accepted_at, payload_sha256, payload, payload_key,
                    payload_dek)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String MESSAGE_COLUMNS = """
            message_id, message_type, schema_version, sender, case_reference, child_reference, correlation_id,
                language, security_label, created_at, accepted_at, payload_sha256, payload, payload_key, payload_dek""";

    public void insertMessage(Connection c, StoredMessage m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_MESSAGE)) {
            bindMessage(ps, m);
            ps.executeUpdate();
        }
    }

    /** The message's columns, its body sealed under the current key. */
    private void bindMessage(PreparedStatement ps, StoredMessage m) throws SQLException {
        ps.setObject(1, m.messageId());
        ps.setString(2, m.type());
        ps.setString(3, m.schemaVersion());
        ps.setString(4, m.sender());
        ps.setString(5, m.caseReference());
        ps.setString(6, m.childReference());
        ps.setObject(7, m.correlationId(), Types.OTHER);
        ps.setString(8, m.language());
        ps.setString(9, m.securityLabel());
        ps.setTimestamp(10, Timestamp.from(m.createdAt()));
        ps.setTimestamp(11, Timestamp.from(m.acceptedAt()));
        ps.setString(12, m.payloadSha256());
        byte[] clear = m.payload();
        SealedBody sealed = clear == null ? null : cipher.seal(BodyCipher.messageContext(m.messageId()), clear);
        ps.setBytes(13, sealed == null ? null : sealed.ciphertext());
        ps.setString(14, sealed == null ? BodyKeys.PLAIN : sealed.keyId());
        ps.setBytes(15, sealed == null ? null : sealed.wrappedKey());
    }

    public Optional<StoredMessage> findMessage(Connection c, UUID messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select " + MESSAGE_COLUMNS + " from message where message_id = ?")) {
            ps.setObject(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(message(rs));
            }
        }
    }

    /** The messages with these ids, by id (an id not stored is left out), in one statement. */
    public Map<UUID, StoredMessage> findMessages(Connection c, Collection<UUID> messageIds)
            throws SQLException {
        Map<UUID, StoredMessage> found = new HashMap<>();
        if (messageIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select " + MESSAGE_COLUMNS + " from message where message_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", messageIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredMessage m = message(rs);
                    found.put(m.messageId(), m);
                }
            }
        }
        return found;
    }

    private StoredMessage message(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
                rs.getString(9), instant(rs, 10), instant(rs, 11), rs.getString(12), body(rs, 13));
    }

    /** As {@link #insertMessage}, for several messages in one JDBC batch (the escalation sweep's notices). */
    public void insertMessages(Connection c, List<StoredMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_MESSAGE)) {
            for (StoredMessage m : messages) {
                bindMessage(ps, m);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The earlier message {@code answer} replies to (its correlationId), if the hub sent it to the answering agency
     * and, when {@code type} is given, it is of that type.
     */
    public Optional<StoredMessage> answeredMessage(Connection c, Envelope answer, MessageType type) throws SQLException {
        if (answer.correlationId() == null) {
            return Optional.empty();
        }
        Optional<StoredMessage> original = findMessage(c, answer.correlationId())
                .filter(m -> type == null || type.wireName().equals(m.type()));
        if (original.isEmpty()) {
            return Optional.empty();
        }
        boolean sentToCaller = deliveries(c, original.get().messageId()).stream()
                .anyMatch(d -> d.recipient().equals(answer.sender()));
        return sentToCaller ? original : Optional.empty();
    }

    // ---- deliveries ----

    private static final String INSERT_DELIVERY =
            "insert into delivery (message_id, recipient, state, updated_at) values (?, ?, ?, ?)";

    public void insertDelivery(Connection c, UUID messageId, String recipient, Instant at, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_DELIVERY)) {
            ps.setObject(1, messageId);
            ps.setString(2, recipient);
            ps.setString(3, DeliveryState.ACCEPTED.wireName());
            ps.setTimestamp(4, Timestamp.from(at));
            ps.executeUpdate();
        }
        audit(c, messageId, recipient, "state-changed", null, DeliveryState.ACCEPTED.wireName(), null, actor, at);
    }

    /** A recipient's copy of a message, as {@link #insertDeliveries} makes it. */
    public record Copy(UUID messageId, String recipient) {
    }

    /** As {@link #insertDelivery}, for several copies in one JDBC batch (with their audit rows, in another). */
    public void insertDeliveries(Connection c, List<Copy> copies, Instant at, String actor) throws SQLException {
        if (copies.isEmpty()) {
            return;
        }
        List<AuditEntry> audits = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(INSERT_DELIVERY)) {
            for (Copy copy : copies) {
                ps.setObject(1, copy.messageId());
                ps.setString(2, copy.recipient());
                ps.setString(3, DeliveryState.ACCEPTED.wireName());
                ps.setTimestamp(4, Timestamp.from(at));
                ps.addBatch();
                audits.add(new AuditEntry(copy.messageId(), copy.recipient(), "state-changed", null,
                        DeliveryState.ACCEPTED.wireName(), null, actor, at));
            }
            ps.executeBatch();
        }
        auditBatch(c, audits);
    }

    public List<DeliveryRecord> deliveries(Connection c, UUID messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELIVERY_COLUMNS + " where message_id = ? order by recipient")) {
            ps.setObject(1, messageId);
            return readDeliveries(ps);
        }
    }

    public Optional<DeliveryRecord> lockDelivery(Connection c, UUID messageId, String recipient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELIVERY_COLUMNS + " where message_id = ? and recipient = ? for update")) {
            ps.setObject(1, messageId);
            ps.setString(2, recipient);
            List<DeliveryRecord> found = readDeliveries(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Deliveries stored but not put on the broker since {@code olderThan}: the outbox a sweeper drains. */
    public List<DeliveryRecord> lockUnqueued(Connection c, Instant olderThan, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELIVERY_COLUMNS
                + " where state = 'accepted' and updated_at < ? order by updated_at limit ? for update skip locked")) {
            ps.setTimestamp(1, Timestamp.from(olderThan));
            ps.setInt(2, limit);
            return readDeliveries(ps);
        }
    }

    /**
     * Moves a delivery to {@code target} if its lifecycle allows, writing the audit event. Returns false (and
     * changes nothing) when the move is not allowed, e.g. a late "delivered" after an acknowledgement.
     */
    public boolean transition(Connection c, UUID messageId, String recipient, DeliveryState target, String detail,
            String actor, Instant at) throws SQLException {
        Optional<DeliveryRecord> current = lockDelivery(c, messageId, recipient);
        if (current.isEmpty() || !current.get().state().canMoveTo(target)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update delivery set state = ?, last_error = ?, updated_at = ? where message_id = ? and recipient = ?")) {
            ps.setString(1, target.wireName());
            ps.setString(2, target == DeliveryState.FAILED || target == DeliveryState.DEAD_LETTERED ? detail : null);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setObject(4, messageId);
            ps.setString(5, recipient);
            ps.executeUpdate();
        }
        audit(c, messageId, recipient, "state-changed", current.get().state().wireName(), target.wireName(), detail, actor, at);
        return true;
    }

    /** A copy put on its queue, as {@link #markQueued} records it. */
    public record Queued(UUID messageId, String recipient, String detail) {
    }

    /**
     * Records copies as queued, as {@link #transition} to {@link DeliveryState#QUEUED} does for one, in one statement
     * and one batch of audit events: only copies still {@code accepted} move (one a delivery lane took meanwhile has
     * been marked by it). Returns how many moved.
     */
    public int markQueued(Connection c, List<Queued> copies, String actor, Instant at) throws SQLException {
        if (copies.isEmpty()) {
            return 0;
        }
        Map<String, Queued> byKey = new HashMap<>();
        copies.forEach(q -> byKey.put(q.messageId() + "|" + q.recipient(), q));
        List<AuditEntry> audits = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                update delivery d set state = 'queued', last_error = null, updated_at = ?
                from unnest(?::uuid[], ?::text[]) as q(message_id, recipient)
                where d.message_id = q.message_id and d.recipient = q.recipient and d.state = 'accepted'
                returning d.message_id, d.recipient""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, c.createArrayOf("uuid", copies.stream().map(Queued::messageId).toArray()));
            ps.setArray(3, c.createArrayOf("text", copies.stream().map(Queued::recipient).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Queued q = byKey.get(rs.getObject(1, UUID.class) + "|" + rs.getString(2));
                    audits.add(new AuditEntry(q.messageId(), q.recipient(), "state-changed",
                            DeliveryState.ACCEPTED.wireName(), DeliveryState.QUEUED.wireName(), q.detail(), actor, at));
                }
            }
        }
        auditBatch(c, audits);
        return audits.size();
    }

    /** A stored message's type and when the hub accepted it. */
    public record Accepted(String type, Instant at) {
    }

    /** The message's type and acceptance time (one look-up by its key), for the delivery latency. */
    public Optional<Accepted> accepted(Connection c, UUID messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select message_type, accepted_at from message where message_id = ?")) {
            ps.setObject(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Accepted(rs.getString(1), rs.getTimestamp(2).toInstant()))
                        : Optional.empty();
            }
        }
    }

    /** Keeps the latest failure's reason on a delivery that is already failing. */
    public void updateLastError(Connection c, UUID messageId, String recipient, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update delivery set last_error = ?, updated_at = ? where message_id = ? and recipient = ?")) {
            ps.setString(1, reason);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setObject(3, messageId);
            ps.setString(4, recipient);
            ps.executeUpdate();
        }
    }

    /**
     * Counts one more delivery attempt and returns the new count. A copy being attempted is on its way, so no longer
     * held back ({@link HeldCopiesRepository}): the same statement clears that.
     */
    public int countAttempt(Connection c, UUID messageId, String recipient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update delivery set attempts = attempts + 1, held_since = null "
                + "where message_id = ? and recipient = ? returning attempts")) {
            ps.setObject(1, messageId);
            ps.setString(2, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Starts a replay: one more replay, the attempt count back to zero. Returns the new replay count. */
    public int startReplay(Connection c, UUID messageId, String recipient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update delivery set replays = replays + 1, attempts = 0
                where message_id = ? and recipient = ? returning replays""")) {
            ps.setObject(1, messageId);
            ps.setString(2, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Dead-lettered deliveries, newest first. */
    public List<DeliveryRecord> deadLetters(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELIVERY_COLUMNS
                + " where state = 'dead-lettered' order by updated_at desc limit ?")) {
            ps.setInt(1, limit);
            return readDeliveries(ps);
        }
    }

    public void setRecipientReference(Connection c, UUID messageId, String recipient, String reference) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update delivery set recipient_reference = ? where message_id = ? and recipient = ?")) {
            ps.setString(1, reference);
            ps.setObject(2, messageId);
            ps.setString(3, recipient);
            ps.executeUpdate();
        }
    }

    // ---- audit ----

    public void audit(Connection c, UUID messageId, String recipient, String event, String fromState, String toState,
            String detail, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_AUDIT)) {
            bindAudit(ps, new AuditEntry(messageId, recipient, event, fromState, toState, detail, actor, at));
            ps.executeUpdate();
        }
    }

    private static final String INSERT_AUDIT = """
                insert into audit_event (message_id, recipient, event, from_state, to_state, detail, actor, at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private static void bindAudit(PreparedStatement ps, AuditEntry e) throws SQLException {
        ps.setObject(1, e.messageId());
        ps.setString(2, e.recipient());
        ps.setString(3, e.event());
        ps.setString(4, e.fromState());
        ps.setString(5, e.toState());
        ps.setString(6, e.detail());
        ps.setString(7, e.actor());
        ps.setTimestamp(8, Timestamp.from(e.at()));
    }

    /** The same event on several messages for one recipient, in one batch (e.g. copies collected from an inbox). */
    public void auditAll(Connection c, List<UUID> messageIds, String recipient, String event, String detail,
            String actor, Instant at) throws SQLException {
        if (messageIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into audit_event (message_id, recipient, event, detail, actor, at) values (?, ?, ?, ?, ?, ?)""")) {
            for (UUID messageId : messageIds) {
                ps.setObject(1, messageId);
                ps.setString(2, recipient);
                ps.setString(3, event);
                ps.setString(4, detail);
                ps.setString(5, actor);
                ps.setTimestamp(6, Timestamp.from(at));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One row of the audit trail, as {@link #audit} writes it. */
    public record AuditEntry(UUID messageId, String recipient, String event, String fromState, String toState,
            String detail, String actor, Instant at) {
    }

    /** As {@link #audit}, for several rows in one JDBC batch. */
    public void auditBatch(Connection c, List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_AUDIT)) {
            for (AuditEntry e : entries) {
                bindAudit(ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public List<AuditRecord> history(Connection c, UUID messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select at, recipient, event, from_state, to_state, detail, actor
                from audit_event where message_id = ? order by id""")) {
            ps.setObject(1, messageId);
            List<AuditRecord> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new AuditRecord(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return events;
        }
    }

    // ---- reading rows ----

    private static final String DELIVERY_COLUMNS = """
            select message_id, recipient, state, attempts, last_error, recipient_reference, updated_at, replays
            from delivery""";

    private static List<DeliveryRecord> readDeliveries(PreparedStatement ps) throws SQLException {
        List<DeliveryRecord> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new DeliveryRecord(rs.getObject(1, UUID.class), rs.getString(2),
                        DeliveryState.fromWireName(rs.getString(3)), rs.getInt(4), rs.getString(5), rs.getString(6),
                        instant(rs, 7), rs.getInt(8)));
            }
        }
        return found;
    }

    /** The body in columns {@code payload, payload_key, payload_dek} from {@code column} on; null when removed. */
    private Body body(ResultSet rs, int column) throws SQLException {
        byte[] payload = rs.getBytes(column);
        if (payload == null) {
            return null;
        }
        UUID messageId = rs.getObject(1, UUID.class);
        return Body.sealed(BodyCipher.messageContext(messageId),
                new SealedBody(rs.getString(column + 1), rs.getBytes(column + 2), payload), cipher);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

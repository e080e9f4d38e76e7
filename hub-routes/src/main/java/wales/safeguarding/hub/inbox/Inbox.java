package wales.safeguarding.hub.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import wales.safeguarding.hub.bodies.BodyCipher;
import wales.safeguarding.hub.bodies.BodyVault;
import wales.safeguarding.hub.bodies.SealedBody;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.metrics.MessageMetrics;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.schemas.spi.HubHeaders;

/**
 * The inboxes of agencies that poll ({@code pull} transport). The delivery route puts each recipient's copy here;
 * the agency reads after a cursor and acknowledges each copy, which is when it counts as delivered. Putting the same
 * copy twice (a redelivery) changes nothing.
 */
@ApplicationScoped
@Named("inbox")
public class Inbox {

    /** One copy waiting in, or collected from, an agency's inbox. */
    public record Entry(long cursor, UUID messageId, String type, Instant placedAt, Instant acknowledgedAt,
            byte[] message) {
    }

    /** The audit event of a copy collected: a read of the body by the agency's system. */
    public static final String BODY_READ = "body-read";
    static final String COLLECTED = "collected from the inbox by the agency's system";

    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final BodyCipher cipher;
    private final Clock clock;
    private final MessageMetrics metrics;

    public Inbox(Transactions transactions, TrackingRepository tracking, BodyVault vault, Clock clock,
            MessageMetrics metrics) {
        this.metrics = metrics;
        this.transactions = transactions;
        this.tracking = tracking;
        this.cipher = vault.cipher();
        this.clock = clock;
    }

    /** Called by the delivery route with the recipient's copy from its queue. */
    public void put(Exchange exchange) {
        UUID messageId = UUID.fromString(exchange.getIn().getHeader(HubHeaders.MESSAGE_ID, String.class));
        String recipient = exchange.getIn().getHeader(HubHeaders.RECIPIENT, String.class);
        String type = exchange.getIn().getHeader(HubHeaders.MESSAGE_TYPE, String.class);
        byte[] copy = exchange.getIn().getBody(byte[].class);
        SealedBody sealed = cipher.seal(BodyCipher.inboxContext(recipient, messageId), copy);
        transactions.inTransaction(c -> {
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into inbox (recipient, message_id, message_type, payload, payload_key, payload_dek, placed_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (recipient, message_id) do nothing""")) {
                ps.setString(1, recipient);
                ps.setObject(2, messageId);
                ps.setString(3, type);
                ps.setBytes(4, sealed.ciphertext());
                ps.setString(5, sealed.keyId());
                ps.setBytes(6, sealed.wrappedKey());
                ps.setTimestamp(7, Timestamp.from(now));
                if (ps.executeUpdate() == 1) {
                    tracking.transition(c, messageId, recipient, DeliveryState.QUEUED, "waiting in the inbox", "hub", now);
                    tracking.audit(c, messageId, recipient, "in-inbox", null, null, "waiting for the agency to collect it",
                            "hub", now);
                }
            }
            return null;
        });
    }

    /**
     * The copies after {@code cursor}, decrypted: each one collected is a read of its body, audited in the message's
     * history (event {@value #BODY_READ}, the agency as reader) in the same transaction.
     */
    public List<Entry> after(String recipient, long cursor, int limit) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select seq, message_id, message_type, placed_at, acknowledged_at, payload, payload_key, payload_dek
                    from inbox
                    where recipient = ? and seq > ? order by seq limit ?""")) {
                ps.setString(1, recipient);
                ps.setLong(2, cursor);
                ps.setInt(3, limit);
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp acknowledged = rs.getTimestamp(5);
                        UUID messageId = rs.getObject(2, UUID.class);
                        byte[] sealed = rs.getBytes(6);
                        // a collected copy's body is gone (retention): the entry stays, without it
                        byte[] copy = sealed == null ? null : cipher.open(BodyCipher.inboxContext(recipient, messageId),
                                new SealedBody(rs.getString(7), rs.getBytes(8), sealed));
                        entries.add(new Entry(rs.getLong(1), messageId, rs.getString(3),
                                rs.getTimestamp(4).toInstant(), acknowledged == null ? null : acknowledged.toInstant(),
                                copy));
                    }
                }
                tracking.auditAll(c, entries.stream().filter(e -> e.message() != null).map(Entry::messageId).toList(),
                        recipient, BODY_READ, COLLECTED,
                        recipient, clock.instant());
                return entries;
            }
        });
    }

    /** The agency has the copy: delivered. Empty when there is no such copy in its inbox; else when it was acknowledged. */
    public java.util.Optional<Instant> acknowledge(String recipient, UUID messageId) {
        Instant now = clock.instant();
        Acknowledged done = transactions.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update inbox set acknowledged_at = coalesce(acknowledged_at, ?), payload = null, payload_dek = null
                    where recipient = ? and message_id = ? returning acknowledged_at""")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, recipient);
                ps.setObject(3, messageId);
                Instant acknowledgedAt;
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Acknowledged(java.util.Optional.empty(), null);
                    }
                    acknowledgedAt = rs.getTimestamp(1).toInstant();
                }
                TrackingRepository.Accepted delivered = null;
                if (tracking.transition(c, messageId, recipient, DeliveryState.DELIVERED, "collected from the inbox",
                        "hub", now)) {
                    tracking.audit(c, messageId, recipient, "delivery-receipt", null, null, "acknowledged from the inbox",
                            recipient, now);
                    delivered = tracking.accepted(c, messageId).orElse(null);
                }
                return new Acknowledged(java.util.Optional.of(acknowledgedAt), delivered);
            }
        });
        if (done.delivered() != null) {
            metrics.delivered(done.delivered().type(), recipient, java.time.Duration.between(done.delivered().at(), now));
        }
        return done.acknowledgedAt();
    }

    /** When the copy was acknowledged; its message, when this acknowledgement delivered it (else null). */
    private record Acknowledged(java.util.Optional<Instant> acknowledgedAt, TrackingRepository.Accepted delivered) {
    }

}

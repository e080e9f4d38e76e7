package wales.safeguarding.hub.tracking;

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
 * The SQL of copies held back so that one case's copies reach an agency in the order the hub accepted them: a copy
 * whose earlier copy (same case, same recipient) is not yet delivered or given up waits in the database, marked
 * {@code held_since} (V23), not on the broker. Every method works inside the caller's transaction.
 */
@ApplicationScoped
public class HeldCopiesRepository {

    /** A held copy whose turn may have come: what queuing it again needs. */
    public record HeldCopy(UUID messageId, String recipient, int replays, Instant heldSince) {
    }

    /** The states of a copy still on its way to the recipient (the copies after it wait). */
    private static final String PENDING = "('accepted', 'queued', 'failed')";

    /**
     * Whether the same recipient still waits for a copy of an earlier message of the same case (accepted before this
     * one, not yet delivered or given up): empty when none does; {@link DeliveryState#FAILED} when such a copy is
     * between retries; otherwise {@link DeliveryState#QUEUED}. A message without a case waits for nothing.
     *
     * <p>Nothing is locked here (locking the earlier rows would deadlock with a batch marking copies queued). A copy
     * marked delivered while this one is being held may miss it; so whoever holds a copy looks again once the hold is
     * committed ({@code HeldCopies.releaseAfter}), and the outbox sweeper catches what both missed.
     */
    public Optional<DeliveryState> earlierCopyPending(Connection c, UUID messageId, String recipient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select d.state
                from message this
                join message earlier on earlier.case_reference = this.case_reference
                     and (earlier.accepted_at, earlier.message_id) < (this.accepted_at, this.message_id)
                join delivery d on d.message_id = earlier.message_id and d.recipient = ?
                where this.message_id = ? and this.case_reference is not null
                  and d.state in\s""" + PENDING)) {
            ps.setString(1, recipient);
            ps.setObject(2, messageId);
            Optional<DeliveryState> pending = Optional.empty();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DeliveryState state = DeliveryState.fromWireName(rs.getString(1));
                    if (state == DeliveryState.FAILED) {
                        return Optional.of(DeliveryState.FAILED);
                    }
                    pending = Optional.of(DeliveryState.QUEUED);
                }
            }
            return pending;
        }
    }

    /**
     * Marks the copy held since {@code at}; true when it was not held before (a copy that comes round again while
     * held, a duplicate from the broker, keeps its first time).
     */
    public boolean hold(Connection c, UUID messageId, String recipient, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update delivery set held_since = ? where message_id = ? and recipient = ? and held_since is null""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, messageId);
            ps.setString(3, recipient);
            return ps.executeUpdate() == 1;
        }
    }

    /** The copy is on the broker again (or being delivered): no longer held. */
    public void release(Connection c, UUID messageId, String recipient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update delivery set held_since = null where message_id = ? and recipient = ? and held_since is not null""")) {
            ps.setObject(1, messageId);
            ps.setString(2, recipient);
            ps.executeUpdate();
        }
    }

    /**
     * Whether any copy of the case of {@code messageId} to {@code recipient} is held (run in the transaction that
     * marks that copy delivered, so that the common case, nothing held, costs no further transaction).
     */
    public boolean anyHeld(Connection c, UUID messageId, String recipient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select exists (
                    select 1 from message this
                    join message m on m.case_reference = this.case_reference
                    join delivery h on h.message_id = m.message_id and h.recipient = ? and h.held_since is not null
                    where this.message_id = ? and this.case_reference is not null)""")) {
            ps.setString(1, recipient);
            ps.setObject(2, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The first held copy, in the order the hub accepted them, of the case of {@code messageId} to {@code recipient}
     * (locked; skipped if another transaction holds it): the one whose turn comes when the copy of {@code messageId}
     * is done. The caller checks {@link #earlierCopyPending} for it, as an earlier copy may still be on its way.
     */
    public Optional<HeldCopy> nextHeld(Connection c, UUID messageId, String recipient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select h.message_id, h.recipient, h.replays, h.held_since
                from message this
                join message m on m.case_reference = this.case_reference
                join delivery h on h.message_id = m.message_id and h.recipient = ? and h.held_since is not null
                where this.message_id = ? and this.case_reference is not null
                order by m.accepted_at, m.message_id
                limit 1
                for update of h skip locked""")) {
            ps.setString(1, recipient);
            ps.setObject(2, messageId);
            List<HeldCopy> found = read(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /**
     * Held copies, oldest hold first, held before {@code heldBefore}, whose earlier copies are all delivered or given
     * up (locked, skipping those another transaction holds): the outbox sweeper queues them.
     */
    public List<HeldCopy> releasable(Connection c, Instant heldBefore, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select h.message_id, h.recipient, h.replays, h.held_since
                from delivery h
                join message m on m.message_id = h.message_id
                where h.held_since is not null and h.held_since < ?
                  and not exists (
                      select 1 from message earlier
                      join delivery d on d.message_id = earlier.message_id and d.recipient = h.recipient
                      where earlier.case_reference = m.case_reference
                        and (earlier.accepted_at, earlier.message_id) < (m.accepted_at, m.message_id)
                        and d.state in\s""" + PENDING + """
                  )
                order by h.held_since
                limit ?
                for update of h skip locked""")) {
            ps.setTimestamp(1, Timestamp.from(heldBefore));
            ps.setInt(2, limit);
            return read(ps);
        }
    }

    private static List<HeldCopy> read(PreparedStatement ps) throws SQLException {
        List<HeldCopy> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new HeldCopy(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant()));
            }
        }
        return found;
    }
}

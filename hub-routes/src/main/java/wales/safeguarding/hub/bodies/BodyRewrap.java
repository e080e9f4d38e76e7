package wales.safeguarding.hub.bodies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import wales.safeguarding.hub.database.Transactions;

/**
 * Moves stored bodies to the current key, one bounded batch per call: after a rotation it re-wraps each row's data
 * key (32 bytes; the body's ciphertext is not touched), and it encrypts the rows stored in clear before bodies were
 * encrypted. Rows are locked with {@code skip locked}, so several instances (or operators) can run it at once without
 * doing a row twice. Call it until {@code remaining} is 0; then a retired key's file can be removed.
 */
@ApplicationScoped
public class BodyRewrap {

    private static final Logger LOG = Logger.getLogger(BodyRewrap.class);

    /** What one batch did, and how many rows are still under another key. */
    public record Result(String currentKey, int messages, int inboxCopies, long remaining) {
    }

    private final Transactions transactions;
    private final BodyCipher cipher;

    public BodyRewrap(Transactions transactions, BodyVault vault) {
        this.transactions = transactions;
        this.cipher = vault.cipher();
    }

    /** One batch of at most {@code limit} message rows and {@code limit} inbox rows. */
    public Result batch(int limit) {
        String current = cipher.currentKeyId();
        Result result = transactions.inTransaction(c -> {
            int messages = messages(c, current, limit);
            int copies = inboxCopies(c, current, limit);
            return new Result(current, messages, copies, remaining(c, current));
        });
        LOG.infof("re-wrap: %d message bodies and %d inbox copies moved to key %s; %d rows remain under other keys",
                result.messages(), result.inboxCopies(), current, result.remaining());
        return result;
    }

    private int messages(Connection c, String current, int limit) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select message_id, payload, payload_key, payload_dek from message
                where payload is not null and (payload_key < ? or payload_key > ?) limit ? for update skip locked""")) {
            ps.setString(1, current);
            ps.setString(2, current);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    SealedBody moved = cipher.rewrap(BodyCipher.messageContext(id),
                            new SealedBody(rs.getString(3), rs.getBytes(4), rs.getBytes(2)));
                    rows.add(new Object[] {id, moved});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update message set payload = ?, payload_key = ?, payload_dek = ? where message_id = ?")) {
            for (Object[] row : rows) {
                bind(ps, (SealedBody) row[1]);
                ps.setObject(4, row[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private int inboxCopies(Connection c, String current, int limit) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select seq, recipient, message_id, payload, payload_key, payload_dek from inbox
                where payload is not null and (payload_key < ? or payload_key > ?) limit ? for update skip locked""")) {
            ps.setString(1, current);
            ps.setString(2, current);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SealedBody moved = cipher.rewrap(
                            BodyCipher.inboxContext(rs.getString(2), rs.getObject(3, UUID.class)),
                            new SealedBody(rs.getString(5), rs.getBytes(6), rs.getBytes(4)));
                    rows.add(new Object[] {rs.getLong(1), moved});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update inbox set payload = ?, payload_key = ?, payload_dek = ? where seq = ?")) {
            for (Object[] row : rows) {
                bind(ps, (SealedBody) row[1]);
                ps.setLong(4, (Long) row[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private static void bind(PreparedStatement ps, SealedBody sealed) throws SQLException {
        ps.setBytes(1, sealed.ciphertext());
        ps.setString(2, sealed.keyId());
        ps.setBytes(3, sealed.wrappedKey());
    }

    // "< or >" rather than "<>": a btree index answers the two ranges, so once most rows are under the current key
    // a batch and the count read only the rows left, not the whole table
    private static long remaining(Connection c, String current) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select (select count(*) from message where payload is not null and (payload_key < ? or payload_key > ?))
                     + (select count(*) from inbox where payload is not null and (payload_key < ? or payload_key > ?))""")) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, current);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

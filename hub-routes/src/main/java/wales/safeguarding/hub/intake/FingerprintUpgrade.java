package wales.safeguarding.hub.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import wales.safeguarding.hub.database.Rows;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.schemas.envelope.DerivedIds;

/**
 * Keys the fingerprints stored before fingerprints were keyed ({@link Fingerprints}): one pass over the messages in
 * id order, in batches locked with {@code for no key update skip locked} (several instances may run it at once), each
 * row's plain hash replaced by its HMAC. {@code no key}: the pass changes no key, so it must not skip a message whose
 * deliveries or audit rows are being written at that moment (their foreign keys hold the message row {@code for key
 * share}, which {@code for update} conflicts with: such a row was skipped and stayed plain, seen in
 * MessageIdsFlowTest on the PostgreSQL server while the message's delivery was being recorded). The body is not read. Until a row is done, a resubmission of it is still recognised by the
 * plain hash.
 */
@ApplicationScoped
@Named("fingerprintUpgrade")
public class FingerprintUpgrade {

    private static final Logger LOG = Logger.getLogger(FingerprintUpgrade.class);
    private static final int BATCH = 500;

    /** What a pass did. */
    public record Result(int upgraded, int batches, long millis) {
    }

    private final Transactions transactions;
    private final MessageIdKey keys;

    public FingerprintUpgrade(Transactions transactions, MessageIdKey keys) {
        this.transactions = transactions;
        this.keys = keys;
    }

    /** One pass: every message whose fingerprint is a plain hash (none left, one quick index walk). */
    public Result run() {
        long started = System.nanoTime();
        UUID after = new UUID(0, 0); // the lowest in PostgreSQL's order (bytes, unsigned)
        int upgraded = 0;
        int batches = 0;
        while (after != null) {
            UUID from = after;
            Object[] batch = transactions.inTransaction(c -> batch(c, from, keys.ids()));
            after = (UUID) batch[0];
            upgraded += (Integer) batch[1];
            batches++;
        }
        Result result = new Result(upgraded, batches, (System.nanoTime() - started) / 1_000_000L);
        if (upgraded > 0) {
            LOG.infof("fingerprints: %d stored plain hashes keyed in %d batches, %d ms", upgraded, batches,
                    result.millis());
        }
        return result;
    }

    /** {the last id of the batch, or null when it was the last; how many were keyed}. */
    private static Object[] batch(Connection c, UUID after, DerivedIds ids) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select message_id, payload_sha256 from message
                where message_id > ? and payload_sha256 not like 'k1:%'
                order by message_id limit ? for no key update skip locked""")) {
            try (ResultSet rs = Rows.bind(ps, after, BATCH).executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2)});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update message set payload_sha256 = ? where message_id = ? and payload_sha256 = ?")) {
            for (Object[] row : rows) {
                Rows.bind(ps, Fingerprints.upgraded(ids, (String) row[1]), row[0], row[1]).addBatch();
            }
            ps.executeBatch();
        }
        return new Object[] {rows.size() < BATCH ? null : rows.get(rows.size() - 1)[0], rows.size()};
    }
}

package wales.safeguarding.hub.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import wales.safeguarding.hub.audit.ConsoleAuditRepository;
import wales.safeguarding.hub.database.Rows;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.hub.tracking.TrackingRepository;

/**
 * After the database is restored from a backup (section 9 of deploy/README), its deliveries and the broker's queues
 * disagree. Rows whose copies are gone (the database says a copy is queued, but the broker delivered or lost it
 * after the backup was taken) would wait for ever: this stores every such delivery again for the queue, with its
 * own duplicate-detection id (a replay number), so the outbox sweeper sends it; an agency may get a copy it already
 * has, under the same message id, which its system drops (deliveries are at least once). Copies whose rows are gone
 * (accepted after the backup) are dropped by the delivery lanes when they come, one WARN line each naming the message
 * and the agency, for the senders to be asked to send them again. Run once by an operator, with a reason, audited.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);
    private static final int BATCH = 500;

    /** What a reconciliation did: deliveries stored again for the queue, and those left (their body is gone). */
    public record Result(int requeued, int withoutBody) {
    }

    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final ConsoleAuditRepository audit;
    private final Clock clock;

    public Reconciliation(Transactions transactions, TrackingRepository tracking, ConsoleAuditRepository audit,
            Clock clock) {
        this.transactions = transactions;
        this.tracking = tracking;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every delivery still to be delivered (queued or failed, not held back) is queued again. */
    public Result afterRestore(String operator, String why) {
        Instant now = clock.instant();
        int requeued = 0;
        int withoutBody = 0;
        while (true) {
            int[] batch = transactions.inTransaction(c -> batch(c, operator, why, now));
            requeued += batch[0];
            withoutBody += batch[1];
            if (batch[0] + batch[1] < BATCH) {
                break;
            }
        }
        Result result = new Result(requeued, withoutBody);
        transactions.inTransaction(c -> {
            audit.record(c, operator, ConsoleAuditRepository.RECONCILE, null, null, null, why,
                    "queued again " + result.requeued() + ", left without a body " + result.withoutBody(), now);
            return null;
        });
        LOG.warnf("reconciliation after a restore by %s: %d deliveries queued again, %d left (body removed)", operator,
                result.requeued(), result.withoutBody());
        return result;
    }

    /** {queued again, left without a body}. */
    private int[] batch(Connection c, String operator, String why, Instant now) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select d.message_id, d.recipient, m.payload is not null from delivery d
                join message m on m.message_id = d.message_id
                where d.state in ('queued', 'failed') and d.held_since is null and d.updated_at < ?
                order by d.updated_at limit ? for update of d skip locked""")) {
            try (ResultSet rs = Rows.bind(ps, now, BATCH).executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)});
                }
            }
        }
        int requeued = 0;
        int withoutBody = 0;
        for (Object[] row : rows) {
            UUID messageId = (UUID) row[0];
            String recipient = (String) row[1];
            if (!(Boolean) row[2]) {
                withoutBody++;
                continue;
            }
            int replay = tracking.startReplay(c, messageId, recipient);
            tracking.transition(c, messageId, recipient, DeliveryState.ACCEPTED,
                    "reconciled after a restore (" + replay + ")", operator, now);
            tracking.audit(c, messageId, recipient, "reconciled", null, null, "queued again after a restore: " + why,
                    operator, now);
            requeued++;
        }
        return new int[] {requeued, withoutBody};
    }
}

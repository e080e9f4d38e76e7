package wales.safeguarding.hub.operations;

import java.sql.Connection;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.childprotection.ConferenceRules;
import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.clocks.ClockRecord;
import wales.safeguarding.hub.database.Rows;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.hub.tracking.TrackingRepository.AuditEntry;

/**
 * After a newer bank-holiday file is loaded (section 5 of deploy/README), counts again every running statutory clock
 * that was counted with other bank-holiday data ({@code statutory_clock.calendar}), so that a holiday the old file did
 * not know (a new year, a one-off holiday) moves the due times it falls within. Runs once soon after each start
 * ({@link ClockRecountRoute}) and when an operator asks ({@code POST /api/v1/operations/recount-clocks}). The
 * arithmetic is {@link ClockKeeper#recount}; here are the walk, the writes and the audit trail.
 *
 * <p>One pass walks the running clocks in id order in batches locked with {@code skip locked}, so several instances
 * may run it at once and the escalation sweep is never waited on; a clock the sweep held locked is left for the next
 * pass and counted in {@link Result#left()}. A clock whose due time or next rung moves gets an audit event
 * {@code clock-recounted} on its message; every clock visited is stamped with the data's name, so the next start with
 * the same file finds nothing to do (one index walk).
 */
@ApplicationScoped
@Named("clockRecount")
public class ClockRecount {

    private static final Logger LOG = Logger.getLogger(ClockRecount.class);
    private static final int BATCH = 500;

    /**
     * What a pass did: the clocks counted again, those whose due time or next rung moved, and those still counted
     * with other data (held by another transaction, or a clock no longer configured).
     */
    public record Result(String bankHolidays, int counted, int moved, int left) {
    }

    private final Transactions transactions;
    private final ClockKeeper clocks;
    private final StatutoryClocks calendar;
    private final TrackingRepository tracking;
    private final Clock clock;
    private final int reportLeadDays;

    public ClockRecount(Transactions transactions, ClockKeeper clocks, StatutoryClocks calendar,
            TrackingRepository tracking, Clock clock,
            @ConfigProperty(name = "hub.conference.written-report-lead-working-days") int reportLeadDays) {
        this.transactions = transactions;
        this.clocks = clocks;
        this.calendar = calendar;
        this.tracking = tracking;
        this.clock = clock;
        this.reportLeadDays = reportLeadDays;
    }

    /** One pass over the running clocks counted with other bank-holiday data than the file loaded now. */
    public Result run() {
        String data = calendar.fingerprint();
        long after = 0;
        int counted = 0;
        int moved = 0;
        while (true) {
            long from = after;
            Batch batch = transactions.inTransaction(c -> batch(c, data, from));
            counted += batch.counted();
            moved += batch.moved();
            if (batch.rows() < BATCH) {
                break;
            }
            after = batch.lastId();
        }
        int left = transactions.inTransaction(c -> left(c, data));
        Result result = new Result(data, counted, moved, left);
        if (counted > 0 || left > 0) {
            LOG.infof("clocks counted again with bank holidays %s: %d running clocks, %d due times or rungs moved, %d left",
                    data, counted, moved, left);
        }
        return result;
    }

    /** One batch: the rows locked, those counted again (not the unconfigured), those moved, the last id. */
    private record Batch(int rows, int counted, int moved, long lastId) {
    }

    private Batch batch(Connection c, String data, long after) throws SQLException {
        record Row(ClockRecord clock, Instant conferenceStartsAt) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select k.id, k.message_id, k.clock, k.owed_by, k.waiting, k.started_at, k.due_at, k.escalation_step,
                    k.next_escalation_at, k.calendar_beyond_data, f.starts_at
                from statutory_clock k
                left join conference f on k.clock = ? and f.case_reference = k.case_reference
                    and f.conference_id = k.subject
                where k.met_at is null and k.id > ? and k.calendar is distinct from ?
                order by k.id limit ? for update of k skip locked""")) {
            try (ResultSet rs = Rows.bind(ps, ConferenceRules.WRITTEN_REPORT, after, data, BATCH).executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(new ClockRecord(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), Rows.instant(rs, 6), Rows.instant(rs, 7), null,
                            rs.getInt(8), Rows.instant(rs, 9), rs.getBoolean(10)), Rows.instant(rs, 11)));
                }
            }
        }
        Instant now = clock.instant();
        int moved = 0;
        int skipped = 0;
        List<AuditEntry> audit = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                update statutory_clock set due_at = ?, next_escalation_at = ?, calendar_beyond_data = ?, calendar = ?
                where id = ?""")) {
            for (Row row : rows) {
                ClockRecord k = row.clock();
                boolean deadline = ConferenceRules.WRITTEN_REPORT.equals(k.clock());
                ClockKeeper.Recount recount;
                try {
                    Instant leadTime = deadline && row.conferenceStartsAt() != null
                            ? calendar.dueBefore(row.conferenceStartsAt(), reportLeadDays).dueAt()
                            : null;
                    recount = clocks.recount(k, deadline, leadTime);
                } catch (IllegalStateException notConfigured) {
                    LOG.warnf("clock %d (%s) is not configured any more; its due time stays", k.id(), k.clock());
                    skipped++;
                    continue;
                }
                if (recount.changes(k)) {
                    moved++;
                    audit.add(new AuditEntry(k.messageId(), null, "clock-recounted", null, null,
                            k.clock() + " owed by " + k.owedBy() + ": due " + k.dueAt() + ", now " + recount.dueAt()
                                    + (recount.nextEscalationAt() == null ? "" : ", next escalation "
                                            + recount.nextEscalationAt())
                                    + " (bank holidays " + data + ")",
                            "hub", now));
                }
                Rows.bind(ps, Timestamp.from(recount.dueAt()),
                        recount.nextEscalationAt() == null ? null : Timestamp.from(recount.nextEscalationAt()),
                        recount.beyondData(), data, k.id()).addBatch();
            }
            ps.executeBatch();
        }
        tracking.auditBatch(c, audit);
        long last = rows.isEmpty() ? after : rows.get(rows.size() - 1).clock().id();
        return new Batch(rows.size(), rows.size() - skipped, moved, last);
    }

    private static int left(Connection c, String data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from statutory_clock where met_at is null and calendar is distinct from ?")) {
            try (ResultSet rs = Rows.bind(ps, data).executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}

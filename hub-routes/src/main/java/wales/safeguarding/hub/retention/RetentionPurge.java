package wales.safeguarding.hub.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import wales.safeguarding.hub.audit.ConsoleAuditRepository;
import wales.safeguarding.hub.database.Rows;
import wales.safeguarding.hub.database.Transactions;

/**
 * Applies {@link RetentionRules} to what the database holds, on every hub instance without two doing the same row:
 * bodies in batches claimed with {@code FOR UPDATE SKIP LOCKED}, oldest first, within a time budget per run; audit
 * months made ahead and dropped whole past their period (under an advisory lock); old refusal counts deleted. Each
 * run that removed anything leaves one console audit row with its counts (never an id of a child or a body).
 */
@ApplicationScoped
@Startup // a bad retention setting stops the start, not the first purge an hour later
@Named("retentionPurge")
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    static final String[] AUDIT_TABLES = {"audit_event", "console_audit"};
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    private static final long PARTITION_LOCK = 0x5245_5445_4e54_4e31L; // "RETENTN1"

    /** What one run did. */
    public record Report(int bodiesRemoved, int bodiesKept, int batches, int inboxBodiesRemoved,
            List<String> partitionsMade, List<String> partitionsDropped, int refusalRowsDeleted,
            int registerEnquiriesDeleted, long millis) {
    }

    /** Where the walk over kept bodies is (accepted_at, message_id), so that a run goes on from the last one. */
    private record Position(Instant acceptedAt, UUID messageId) {
    }

    private final Transactions transactions;
    private final ConsoleAuditRepository audit;
    private final Clock clock;
    private final RetentionPolicy policy;
    private final int batchSize;
    private final long budgetMillis;
    private final int monthsAhead;
    private final AtomicReference<Position> position = new AtomicReference<>();

    @Inject
    public RetentionPurge(Transactions transactions, ConsoleAuditRepository audit, Clock clock,
            @ConfigProperty(name = "hub.retention.body") Period body,
            @ConfigProperty(name = "hub.retention.body-by-type", defaultValue = " ") String bodyByType,
            @ConfigProperty(name = "hub.retention.audit") Period auditPeriod,
            @ConfigProperty(name = "hub.retention.refusals") Period refusals,
            @ConfigProperty(name = "hub.retention.batch-size") int batchSize,
            @ConfigProperty(name = "hub.retention.time-budget-ms") long budgetMillis,
            @ConfigProperty(name = "hub.retention.audit-months-ahead") int monthsAhead) {
        this(transactions, audit, clock, new RetentionPolicy(body, RetentionPolicy.parseByType(bodyByType), auditPeriod,
                refusals), batchSize, budgetMillis, monthsAhead);
    }

    RetentionPurge(Transactions transactions, ConsoleAuditRepository audit, Clock clock, RetentionPolicy policy,
            int batchSize, long budgetMillis, int monthsAhead) {
        if (batchSize < 1 || budgetMillis < 1 || monthsAhead < 0) {
            throw new IllegalArgumentException("hub.retention.batch-size and time-budget-ms must be above 0, "
                    + "audit-months-ahead 0 or more");
        }
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
        this.batchSize = batchSize;
        this.budgetMillis = budgetMillis;
        this.monthsAhead = monthsAhead;
    }

    public RetentionPolicy policy() {
        return policy;
    }

    /** One run: bodies, inbox bodies, audit months, refusal counts, register enquiries past the audit period. */
    public Report run() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        int removed = 0;
        int kept = 0;
        int batches = 0;
        while (System.nanoTime() - started < budgetMillis * 1_000_000L) {
            int[] batch = transactions.inTransaction(c -> bodyBatch(c, now));
            batches++;
            removed += batch[0];
            kept += batch[1];
            if (batch[0] + batch[1] < batchSize) {
                position.set(null); // the walk reached the newest candidate: start again from the oldest next run
                break;
            }
        }
        int inbox = transactions.inTransaction(this::inboxBodies);
        List<String> made = new ArrayList<>();
        for (String table : AUDIT_TABLES) {
            for (YearMonth month : RetentionRules.auditMonthsAhead(now, monthsAhead)) {
                makeMonth(table, month).ifPresent(made::add);
            }
        }
        List<String> dropped = transactions.inTransaction(c -> dropOldMonths(c, now));
        int refusals = transactions.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from refusal_count where minute < ?")) {
                return Rows.bind(ps, RetentionPolicy.before(now, policy.refusals())).executeUpdate();
            }
        });
        // a register enquiry's record is part of the audit trail (who asked about which child and why): kept as long
        int enquiries = transactions.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from register_enquiry where enquired_at < ?")) {
                return Rows.bind(ps, RetentionPolicy.before(now, policy.audit())).executeUpdate();
            }
        });
        Report report = new Report(removed, kept, batches, inbox, made, dropped, refusals, enquiries,
                (System.nanoTime() - started) / 1_000_000L);
        if (removed + inbox + dropped.size() + refusals + enquiries > 0) {
            transactions.inTransaction(c -> {
                audit.record(c, "hub", "retention-purge", null, null, null, null, String.format(
                        "bodies removed %d (kept %d, %d batches), inbox bodies removed %d, audit months dropped %s, "
                                + "refusal rows deleted %d, register enquiries deleted %d, %d ms",
                        report.bodiesRemoved(), report.bodiesKept(), report.batches(), inbox, dropped, refusals,
                        enquiries, report.millis()), now);
                return null;
            });
            LOG.infof("retention: %d bodies removed (%d kept), %d inbox bodies, audit months dropped %s, "
                    + "%d refusal rows, %d register enquiries, in %d ms", removed, kept, inbox, dropped, refusals,
                    enquiries, report.millis());
        }
        return report;
    }

    /** One batch of kept bodies, oldest first from where the last stopped: {removed, kept}. */
    private int[] bodyBatch(Connection c, Instant now) throws SQLException {
        Position from = position.get();
        List<UUID> remove = new ArrayList<>();
        int seen = 0;
        Position last = from;
        try (PreparedStatement ps = c.prepareStatement("""
                select m.message_id, m.message_type, m.accepted_at,
                       greatest(m.accepted_at, (select max(d.updated_at) from delivery d
                                                where d.message_id = m.message_id)),
                       exists (select 1 from delivery d where d.message_id = m.message_id
                               and d.state in ('accepted', 'queued', 'failed')),
                       exists (select 1 from statutory_clock k where k.message_id = m.message_id and k.met_at is null),
                       m.case_reference is not null and (
                           exists (select 1 from statutory_clock k
                                   where k.case_reference = m.case_reference and k.met_at is null)
                        or exists (select 1 from case_child cc
                                   where cc.case_reference = m.case_reference and cc.registered))
                from message m
                where m.payload is not null and m.accepted_at <= ?
                  and (?::timestamptz is null or (m.accepted_at, m.message_id) > (?::timestamptz, ?::uuid))
                order by m.accepted_at, m.message_id
                limit ?
                for update of m skip locked""")) {
            Instant cutoff = policy.oldestBodyCutoff(now);
            Instant fromAt = from == null ? null : from.acceptedAt();
            UUID fromId = from == null ? null : from.messageId();
            Rows.bind(ps, cutoff, fromAt, fromAt, fromId, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen++;
                    UUID id = rs.getObject(1, UUID.class);
                    last = new Position(Rows.instant(rs, 3), id);
                    var facts = new RetentionRules.BodyFacts(rs.getString(2), Rows.instant(rs, 4), rs.getBoolean(5),
                            rs.getBoolean(6), rs.getBoolean(7));
                    if (RetentionRules.removeBody(facts, policy, now)) {
                        remove.add(id);
                    }
                }
            }
        }
        if (!remove.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "update message set payload = null, payload_dek = null, payload_removed_at = ? where message_id = any(?)")) {
                ps.setObject(1, java.sql.Timestamp.from(now));
                ps.setArray(2, c.createArrayOf("uuid", remove.toArray()));
                ps.executeUpdate();
            }
        }
        position.set(last);
        return new int[] {remove.size(), seen - remove.size()};
    }

    /** Bodies of inbox copies already collected (normally none: collecting removes it). */
    private int inboxBodies(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update inbox set payload = null, payload_dek = null where seq in (
                    select seq from inbox where acknowledged_at is not null and payload is not null
                    limit ? for update skip locked)""")) {
            return Rows.bind(ps, batchSize).executeUpdate();
        }
    }

    /** Makes a month of an audit table unless it is there; a month whose rows already sit in the default is left. */
    private java.util.Optional<String> makeMonth(String table, YearMonth month) {
        String name = table + "_p" + month.format(MONTH);
        try {
            return transactions.inTransaction(c -> {
                if (exists(c, name)) {
                    return java.util.Optional.<String>empty();
                }
                try (PreparedStatement ps = c.prepareStatement("select hub_audit_month(?, ?)")) {
                    Rows.bind(ps, table, java.sql.Date.valueOf(month.atDay(1))).execute();
                }
                return java.util.Optional.of(name);
            });
        } catch (Transactions.TrackingStoreException e) {
            // another instance made it at the same moment, or rows of that month are already in the default
            // partition (a clock shifted for a rehearsal): the default keeps taking them, nothing is lost
            LOG.debugf("retention: %s not made: %s", name, e.getCause().getMessage());
            return java.util.Optional.empty();
        }
    }

    private List<String> dropOldMonths(Connection c, Instant now) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, PARTITION_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return List.of(); // another instance is doing it
                }
            }
        }
        List<String> dropped = new ArrayList<>();
        for (String table : AUDIT_TABLES) {
            List<YearMonth> months = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                    where i.inhparent = ?::regclass""")) {
                try (ResultSet rs = Rows.bind(ps, table).executeQuery()) {
                    while (rs.next()) {
                        monthOf(table, rs.getString(1)).ifPresent(months::add);
                    }
                }
            }
            for (YearMonth month : RetentionRules.auditMonthsToDrop(months, policy, now)) {
                String name = table + "_p" + month.format(MONTH);
                try (PreparedStatement ps = c.prepareStatement("drop table if exists " + name)) {
                    ps.execute();
                }
                dropped.add(name);
            }
            try (PreparedStatement ps = c.prepareStatement("delete from " + table + "_default where at < ?")) {
                Rows.bind(ps, RetentionPolicy.before(now, policy.audit())).executeUpdate();
            }
        }
        return dropped;
    }

    static java.util.Optional<YearMonth> monthOf(String table, String partition) {
        String prefix = table + "_p";
        if (!partition.startsWith(prefix) || partition.length() != prefix.length() + 6) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(YearMonth.parse(partition.substring(prefix.length()), MONTH));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            try (ResultSet rs = Rows.bind(ps, name).executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}

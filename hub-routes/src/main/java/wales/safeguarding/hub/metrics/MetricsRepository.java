package wales.safeguarding.hub.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Rows;
import wales.safeguarding.hub.rules.ChildFingerprints;

/**
 * The facts behind the database gauges, in one statement per refresh ({@link HubGauges}: at most once per
 * {@code hub.metrics.snapshot-max-age}, whatever the number of series or scrapes). Each part is an aggregate over rows
 * that a partial index keeps small at Wales size: copies in the rare delivery states ({@code delivery_rare_state},
 * V19), clocks still running ({@code statutory_clock_open_due}, V19), open alerts ({@code operational_alert_open},
 * V10), children under an older form of their fingerprint ({@code case_child_fingerprint}, V32). They come back per
 * agency id (a few thousand rows at most), and {@link GaugeSnapshot} folds them into kinds
 * and councils: no agency id leaves this package.
 */
@ApplicationScoped
public class MetricsRepository {

    /** A recipient's copies in one state, and when the message of the oldest was accepted. */
    public record Copies(String recipient, String state, long count, Instant oldestAcceptedAt) {
    }

    /** Running clocks of one name between one agency that owes and one that waits, and how many are overdue. */
    public record Clocks(String clock, String owedBy, String waiting, long open, long overdue) {
    }

    /** Open alerts of one condition about one agency (the agency stays here: the gauge is per condition). */
    public record Alerts(String agency, String condition, long open) {
    }

    /**
     * What one refresh read. {@code childKeysLegacy}: children stored under an older form of the fingerprint (the
     * unkeyed one, or a previous key's; {@link ChildFingerprints}).
     */
    public record Facts(List<Copies> copies, List<Clocks> clocks, List<Alerts> alerts, long childKeysLegacy) {

        public Facts(List<Copies> copies, List<Clocks> clocks, List<Alerts> alerts) {
            this(copies, clocks, alerts, 0);
        }
    }

    private final ChildFingerprints fingerprints;

    public MetricsRepository(ChildFingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    static final String SNAPSHOT = """
            select 'copies', d.recipient, d.state, null::text, count(*), 0::bigint, min(m.accepted_at)
            from delivery d join message m on m.message_id = d.message_id
            where d.state in ('accepted', 'queued', 'failed', 'dead-lettered')
            group by d.recipient, d.state
            union all
            select 'clocks', owed_by, waiting, clock, count(*), count(*) filter (where due_at < ?), null::timestamptz
            from statutory_clock where met_at is null
            group by owed_by, waiting, clock
            union all
            select 'alerts', agency, condition, null::text, count(*), 0::bigint, null::timestamptz
            from operational_alert where resolved_at is null
            group by agency, condition
            union all
            select 'child-keys', null::text, null::text, null::text, count(*), 0::bigint, null::timestamptz
            from case_child where (child_key like 'child-%' or child_key like 'ck1-%')
              and (child_key ~ '^child-[0-9a-f]{16}$' or child_key ~ '^ck1-.+-[0-9a-f]{32}$') and child_key not like ?""";

    /** The facts now; a clock is overdue when its due time is before {@code now}. */
    public Facts read(Connection c, Instant now, int timeoutSeconds) throws SQLException {
        List<Copies> copies = new ArrayList<>();
        List<Clocks> clocks = new ArrayList<>();
        List<Alerts> alerts = new ArrayList<>();
        long childKeysLegacy = 0;
        String current = ChildFingerprints.KEYED + fingerprints.currentId().replace("_", "\\_") + "-%";
        try (PreparedStatement ps = Rows.bind(c.prepareStatement(SNAPSHOT), now, current)) {
            ps.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "copies" -> copies.add(new Copies(rs.getString(2), rs.getString(3), rs.getLong(5),
                                Rows.instant(rs, 7)));
                        case "clocks" -> clocks.add(new Clocks(rs.getString(4), rs.getString(2), rs.getString(3),
                                rs.getLong(5), rs.getLong(6)));
                        case "child-keys" -> childKeysLegacy = rs.getLong(5);
                        default -> alerts.add(new Alerts(rs.getString(2), rs.getString(3), rs.getLong(5)));
                    }
                }
            }
        }
        return new Facts(copies, clocks, alerts, childKeysLegacy);
    }
}

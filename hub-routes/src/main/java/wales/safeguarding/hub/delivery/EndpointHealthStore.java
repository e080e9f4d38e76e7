package wales.safeguarding.hub.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import wales.safeguarding.hub.audit.ConsoleAuditRepository;

/**
 * The {@code endpoint_health} table. A delivery outcome is recorded in its own short statement after the delivery's
 * transaction: a failure here is logged and the delivery goes on, never rolled back for it.
 */
@ApplicationScoped
public class EndpointHealthStore {

    private static final Logger LOG = Logger.getLogger(EndpointHealthStore.class);
    private static final int MAX_REASON = 500;

    /** How stale "last success" may be while an endpoint keeps succeeding. */
    static final Duration SUCCESS_RESOLUTION = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Map<String, Instant> successWritten = new ConcurrentHashMap<>();
    private final ConsoleAuditRepository consoleAudit;

    public EndpointHealthStore(DataSource dataSource, ConsoleAuditRepository consoleAudit) {
        this.dataSource = dataSource;
        this.consoleAudit = consoleAudit;
    }

    /**
     * The agency's system accepted a delivery: its run of failures ends. Under load an endpoint succeeds many times a
     * second; the row is written once per {@link #SUCCESS_RESOLUTION} at most (and always after a failure), so the
     * health record does not add a database write to every delivery.
     */
    public void succeeded(String agency, Instant at) {
        if (agency == null) {
            return;
        }
        Instant written = successWritten.get(agency);
        if (written != null && Duration.between(written, at).abs().compareTo(SUCCESS_RESOLUTION) < 0) {
            return;
        }
        successWritten.put(agency, at);
        record(agency, """
                insert into endpoint_health (agency, last_success_at, consecutive_failures) values (?, ?, 0)
                on conflict (agency) do update set consecutive_failures = 0,
                    last_success_at = greatest(endpoint_health.last_success_at, excluded.last_success_at)""", at, null);
    }

    /** An attempt failed; {@code reason} is already fit for a log line (no body). */
    public void failed(String agency, Instant at, String reason) {
        if (agency != null) {
            successWritten.remove(agency);
        }
        record(agency, """
                insert into endpoint_health (agency, last_failure_at, last_failure_reason, consecutive_failures)
                values (?, ?, ?, 1)
                on conflict (agency) do update set consecutive_failures = endpoint_health.consecutive_failures + 1,
                    last_failure_at = excluded.last_failure_at, last_failure_reason = excluded.last_failure_reason""",
                at, reason == null ? "unknown failure" : reason.substring(0, Math.min(reason.length(), MAX_REASON)));
    }

    private void record(String agency, String sql, Instant at, String reason) {
        if (agency == null) {
            return;
        }
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, agency);
            ps.setTimestamp(2, Timestamp.from(at));
            if (reason != null) {
                ps.setString(3, reason);
            }
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("could not record the health of endpoint %s (%s); the delivery goes on", agency, e.getMessage());
        }
    }

    /** Every endpoint with a row, by agency id. */
    public Map<String, EndpointHealth> all() throws SQLException {
        Map<String, EndpointHealth> byAgency = new LinkedHashMap<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("""
                select agency, last_success_at, last_failure_at, last_failure_reason, consecutive_failures, paused
                from endpoint_health order by agency""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byAgency.put(rs.getString(1), new EndpointHealth(rs.getString(1), instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)), rs.getString(4), rs.getInt(5), rs.getBoolean(6)));
            }
        }
        return byAgency;
    }

    /** Agencies with a delivery waiting for the broker's redelivery (the last attempt failed, more will follow). */
    public Set<String> retrying() throws SQLException {
        return agencies("select distinct recipient from delivery where state = 'failed'");
    }

    /** The agencies an operator paused. */
    public Set<String> paused() throws SQLException {
        return agencies("select agency from endpoint_health where paused");
    }

    private Set<String> agencies(String sql) throws SQLException {
        Set<String> agencies = new HashSet<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                agencies.add(rs.getString(1));
            }
        }
        return agencies;
    }

    /**
     * The agencies paused when the hub starts, so their delivery routes do not start. If the table cannot be read
     * yet, none: the first check ({@link EndpointPauses#reapply()}) stops them moments later.
     */
    public Set<String> pausedAtStart() {
        try {
            Set<String> paused = paused();
            if (!paused.isEmpty()) {
                LOG.warnf("deliveries stay paused to %s (an operator paused them)", paused);
            }
            return paused;
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("cannot read which endpoints are paused (%s); the first alert check applies it", e.getMessage());
            return Set.of();
        }
    }

    /** Persists a pause or a resume and its audit event, in one transaction. */
    public void setPaused(String agency, boolean paused, String actor, String reason, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into endpoint_health (agency, paused, paused_at, paused_by, pause_reason) values (?, ?, ?, ?, ?)
                        on conflict (agency) do update set paused = excluded.paused, paused_at = excluded.paused_at,
                            paused_by = excluded.paused_by, pause_reason = excluded.pause_reason""")) {
                    ps.setString(1, agency);
                    ps.setBoolean(2, paused);
                    ps.setTimestamp(3, paused ? Timestamp.from(at) : null);
                    ps.setString(4, paused ? actor : null);
                    ps.setString(5, paused ? reason : null);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into endpoint_event (agency, event, reason, actor, at) values (?, ?, ?, ?, ?)")) {
                    ps.setString(1, agency);
                    ps.setString(2, paused ? "paused" : "resumed");
                    ps.setString(3, reason);
                    ps.setString(4, actor);
                    ps.setTimestamp(5, Timestamp.from(at));
                    ps.executeUpdate();
                }
                // and in the console's audit trail, with every other operator action
                consoleAudit.record(c, actor, paused ? ConsoleAuditRepository.ENDPOINT_PAUSE
                        : ConsoleAuditRepository.ENDPOINT_RESUME, null, null, agency, reason, null, at);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

package wales.safeguarding.hub.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;

import wales.safeguarding.hub.database.Rows;

/**
 * The console's audit trail: what a person did through the console (read a body, replayed a dead letter, edited
 * the directory, paused or resumed an endpoint), who, when and why. Works inside the caller's transaction, so the
 * row is written with the change it records. Never holds a body, a child identifier or a secret.
 */
@ApplicationScoped
public class ConsoleAuditRepository {

    public static final String BODY_READ = "body-read";
    /** A message's lifecycle (every recipient's delivery and error text) opened in the console. */
    public static final String LIFECYCLE_READ = "lifecycle-read";
    /** A case's timeline opened (no body; {@code target} the case reference, {@code reason} when given). */
    public static final String CASE_READ = "case-read";
    public static final String REPLAY = "replay";
    /** An operator reconciled the deliveries with the broker after a database restore. */
    public static final String RECONCILE = "reconcile";
    public static final String DIRECTORY_EDIT = "directory-edit";
    public static final String DIRECTORY_ADD = "directory-add";
    public static final String DIRECTORY_REMOVE = "directory-remove";
    /** One row per agency an import added, changed or removed, and one ({@code target} null) for the whole import. */
    public static final String DIRECTORY_IMPORT = "directory-import";
    public static final String ENDPOINT_PAUSE = "endpoint-pause";
    public static final String ENDPOINT_RESUME = "endpoint-resume";

    /** One row of the trail. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long id, Instant at, String actor, String action, UUID messageId, String recipient,
            String target, String reason, String detail) {
    }

    /** Which rows: every part optional. */
    public record Query(String actor, UUID messageId, Instant from, Instant to, int limit) {
    }

    /** One row per {@code (target, detail)}, all with the same actor, action and time. */
    public void recordAll(Connection c, String actor, String action, List<String[]> targetAndDetail, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into console_audit (at, actor, action, target, detail) values (?, ?, ?, ?, ?)""")) {
            for (String[] row : targetAndDetail) {
                Rows.bind(ps, at, actor, action, row[0], row[1]).addBatch();
            }
            ps.executeBatch();
        }
    }

    public void record(Connection c, String actor, String action, UUID messageId, String recipient, String target,
            String reason, String detail, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into console_audit (at, actor, action, message_id, recipient, target, reason, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Rows.bind(ps, at, actor, action, messageId, recipient, target, reason, detail).executeUpdate();
        }
    }

    /** Newest first. */
    public List<Entry> find(Connection c, Query q) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select id, at, actor, action, message_id, recipient, target, reason, detail from console_audit
                where (?::text is null or actor = ?) and (?::uuid is null or message_id = ?)
                  and (?::timestamptz is null or at >= ?) and (?::timestamptz is null or at < ?)
                order by id desc limit ?""")) {
            Rows.bind(ps, q.actor(), q.actor(), q.messageId(), q.messageId(), q.from(), q.from(), q.to(), q.to(),
                    q.limit());
            return Rows.list(ps, rs -> new Entry(rs.getLong(1), Rows.instant(rs, 2), rs.getString(3), rs.getString(4),
                    rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
        }
    }
}

package wales.safeguarding.hub.refusals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Rows;

/**
 * The {@code refusal_count} table: refusals per (agency, minute, status), shared by every hub instance. A refusal is
 * one upsert of one small row; reading sums a window of minutes.
 */
@ApplicationScoped
public class RefusalRepository {

    /** Refusals of one agency with one status within a window. */
    public record Count(String agency, int status, long refusals, Instant lastMinute) {
    }

    public void count(Connection c, String agency, int status, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into refusal_count (agency, minute, status, refusals) values (?, ?, ?, 1)
                on conflict (agency, minute, status) do update set refusals = refusal_count.refusals + 1""")) {
            Rows.bind(ps, agency, at.truncatedTo(ChronoUnit.MINUTES), status).executeUpdate();
        }
    }

    /** Per agency and status since {@code since}, the most refused first. */
    public List<Count> since(Connection c, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select agency, status, sum(refusals), max(minute) from refusal_count where minute >= ?
                group by agency, status order by 3 desc, agency, status limit 200""")) {
            Rows.bind(ps, since.truncatedTo(ChronoUnit.MINUTES));
            return Rows.list(ps, rs -> new Count(rs.getString(1), rs.getInt(2), rs.getLong(3), Rows.instant(rs, 4)));
        }
    }

    /** Refusals per agency (all statuses) since {@code since}. */
    public Map<String, Long> perAgency(Connection c, Instant since) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select agency, sum(refusals) from refusal_count where minute >= ? group by agency order by agency")) {
            Rows.bind(ps, since.truncatedTo(ChronoUnit.MINUTES));
            for (Object[] row : Rows.list(ps, rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
                counts.put((String) row[0], (Long) row[1]);
            }
        }
        return counts;
    }
}

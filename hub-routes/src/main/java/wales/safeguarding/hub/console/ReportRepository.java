package wales.safeguarding.hub.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Rows;

/** The facts behind the board report, for messages accepted and clocks started in {@code [from, to)}. */
@ApplicationScoped
public class ReportRepository {

    public ReportFacts facts(Connection c, Instant from, Instant to) throws SQLException {
        return new ReportFacts(dutyToReportRecipients(c, from, to), invitations(c, from, to), clocks(c, from, to));
    }

    private static List<String> dutyToReportRecipients(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select d.recipient from message m join delivery d on d.message_id = m.message_id
                where m.message_type = 'duty-to-report' and m.accepted_at >= ? and m.accepted_at < ?""")) {
            period(ps, from, to);
            return Rows.list(ps, rs -> rs.getString(1));
        }
    }

    private static List<ReportFacts.Invitation> invitations(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select m.sender, exists (select 1 from delivery d join case_child cc on cc.case_reference = m.case_reference
                                         where d.message_id = m.message_id and d.recipient = cc.gp_practice)
                from message m
                where m.message_type = 'conference-invitation' and m.accepted_at >= ? and m.accepted_at < ?""")) {
            period(ps, from, to);
            return Rows.list(ps, rs -> new ReportFacts.Invitation(rs.getString(1), rs.getBoolean(2)));
        }
    }

    private static List<ReportFacts.ClockFact> clocks(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select clock, owed_by, waiting, started_at, due_at, met_at from statutory_clock
                where started_at >= ? and started_at < ?""")) {
            period(ps, from, to);
            return Rows.list(ps, rs -> new ReportFacts.ClockFact(rs.getString(1), rs.getString(2), rs.getString(3),
                    Rows.instant(rs, 4), Rows.instant(rs, 5), Rows.instant(rs, 6)));
        }
    }

    private static void period(PreparedStatement ps, Instant from, Instant to) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(from));
        ps.setTimestamp(2, Timestamp.from(to));
    }
}

package wales.safeguarding.hub.cases;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.rules.Effect;

/**
 * Who came to a case's meetings (2023 review, recommendation 2.2: agencies ensure representation at review
 * conferences and core groups; boards oversee it): conferences as their outline plans record it
 * ({@code conference_attendance}), core groups as the plan update recording the meeting does
 * ({@code core_group_attendance}, with the family's attendance where recorded). The SQL only; the rules decide.
 */
@ApplicationScoped
public class AttendanceBook {

    /**
     * Whether the agency attended each of the case's review conferences it was invited to, other than
     * {@code conferenceId}, newest first, the latest {@code last} ({@code conference_attendance}, by its key's
     * case prefix).
     */
    public List<Boolean> reviewAttendance(Connection c, String caseReference, String agency, String conferenceId,
            int last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select attended from conference_attendance
                where case_reference = ? and agency = ? and kind = 'review' and conference_id <> ?
                order by recorded_at desc limit ?""")) {
            ps.setString(1, caseReference);
            ps.setString(2, agency);
            ps.setString(3, conferenceId);
            ps.setInt(4, last);
            List<Boolean> attended = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attended.add(rs.getBoolean(1));
                }
            }
            return attended;
        }
    }

    /** Who came to a conference, as its outline plan records it, replacing what an earlier plan of it said. */
    public void recordAttendance(Connection c, Effect.RecordAttendance a, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                delete from conference_attendance where case_reference = ? and conference_id = ?""")) {
            ps.setString(1, a.caseReference());
            ps.setString(2, a.conferenceId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into conference_attendance (case_reference, conference_id, agency, kind, council, attended,
                                                   recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            for (Map.Entry<String, Boolean> entry : new TreeMap<>(a.attendedByAgency()).entrySet()) {
                ps.setString(1, a.caseReference());
                ps.setString(2, a.conferenceId());
                ps.setString(3, entry.getKey());
                ps.setString(4, a.kind());
                ps.setString(5, a.council());
                ps.setBoolean(6, entry.getValue());
                ps.setTimestamp(7, Timestamp.from(at));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Whether {@code agency} was at each of the child's core group meetings it is recorded for, other than the one
     * of {@code planId} on {@code metOn}, newest meeting first, the latest {@code last}: true when it attended or sent
     * apologies and a report, false when absent.
     */
    public List<Boolean> coreGroupAttendance(Connection c, String caseReference, String childKey, String agency,
            String planId, java.time.LocalDate metOn, int last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select status <> 'absent' from core_group_attendance
                where case_reference = ? and child_key = ? and agency = ? and not (plan_id = ? and met_on = ?)
                order by met_on desc, recorded_at desc limit ?""")) {
            ps.setString(1, caseReference);
            ps.setString(2, childKey);
            ps.setString(3, agency);
            ps.setString(4, planId);
            ps.setDate(5, Date.valueOf(metOn));
            ps.setInt(6, last);
            List<Boolean> present = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getBoolean(1));
                }
            }
            return present;
        }
    }

    /** Who came to a core group meeting, replacing what an earlier update recording the same meeting said. */
    public void recordCoreGroupAttendance(Connection c, Effect.RecordCoreGroupAttendance a, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                delete from core_group_attendance
                where case_reference = ? and child_key = ? and plan_id = ? and met_on = ?""")) {
            ps.setString(1, a.caseReference());
            ps.setString(2, a.childKey());
            ps.setString(3, a.planId());
            ps.setDate(4, Date.valueOf(a.metOn()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into core_group_attendance (case_reference, child_key, plan_id, met_on, party, agency, council,
                                                   status, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Map.Entry<String, String> entry : new TreeMap<>(a.statusByAgency()).entrySet()) {
                add(ps, a, "agency", entry.getKey(), entry.getValue(), at);
            }
            if (a.family() != null) {
                add(ps, a, "family", null, a.family(), at);
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, Effect.RecordCoreGroupAttendance a, String party, String agency,
            String status, Instant at) throws SQLException {
        ps.setString(1, a.caseReference());
        ps.setString(2, a.childKey());
        ps.setString(3, a.planId());
        ps.setDate(4, Date.valueOf(a.metOn()));
        ps.setString(5, party);
        ps.setString(6, agency);
        ps.setString(7, a.council());
        ps.setString(8, status);
        ps.setTimestamp(9, Timestamp.from(at));
        ps.addBatch();
    }
}

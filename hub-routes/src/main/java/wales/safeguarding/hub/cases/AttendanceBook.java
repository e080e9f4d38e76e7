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
 * Who came to a case's meetings (2023 review, recommendation 2.2: agencies ensure representation at strategy
 * meetings, review conferences and core groups; boards oversee it): conferences as their outline plans record it, or
 * their minutes when these carry it, which then stand ({@code conference_attendance}, the family's in
 * {@code conference_family_attendance}), core groups as the plan update recording the meeting does
 * ({@code core_group_attendance}, with the family's attendance where recorded), strategy meetings as their
 * {@code strategy-meeting-record} does ({@code strategy_meeting_attendance}, V40). The SQL only; the rules decide.
 */
@ApplicationScoped
public class AttendanceBook {

    /**
     * Whether the agency was at each of the case's review conferences it was invited to (attended, or, as minutes
     * record it, sent apologies and a report), other than {@code conferenceId}, newest first, the latest {@code last}
     * ({@code conference_attendance}, by its key's case prefix).
     */
    public List<Boolean> reviewAttendance(Connection c, String caseReference, String agency, String conferenceId,
            int last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select attended or status is not distinct from 'apologies-and-report' from conference_attendance
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

    /**
     * Who came to a conference, as its outline plan records it, replacing what an earlier plan of it said; nothing
     * when its minutes recorded attendance already (they are the record).
     */
    public void recordAttendance(Connection c, Effect.RecordAttendance a, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select 1 from conference_attendance
                where case_reference = ? and conference_id = ? and source = 'minutes' limit 1""")) {
            ps.setString(1, a.caseReference());
            ps.setString(2, a.conferenceId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        Map<String, String> statuses = new TreeMap<>();
        a.attendedByAgency().forEach((agency, attended) -> statuses.put(agency, attended ? "attended" : null));
        replaceConference(c, a.caseReference(), a.conferenceId(), a.kind(), a.council(), statuses, "outline-plan", at);
    }

    /** Who came to a conference, as its minutes record it: the conference's attendance of record from now on. */
    public void recordMinutesAttendance(Connection c, Effect.RecordMinutesAttendance a, Instant at)
            throws SQLException {
        replaceConference(c, a.caseReference(), a.conferenceId(), a.kind(), a.council(), a.statusByAgency(), "minutes",
                at);
        try (PreparedStatement ps = c.prepareStatement("""
                delete from conference_family_attendance where case_reference = ? and conference_id = ?""")) {
            ps.setString(1, a.caseReference());
            ps.setString(2, a.conferenceId());
            ps.executeUpdate();
        }
        if (a.family() != null) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into conference_family_attendance (case_reference, conference_id, council, status,
                                                              recorded_at)
                    values (?, ?, ?, ?, ?)""")) {
                ps.setString(1, a.caseReference());
                ps.setString(2, a.conferenceId());
                ps.setString(3, a.council());
                ps.setString(4, a.family());
                ps.setTimestamp(5, Timestamp.from(at));
                ps.executeUpdate();
            }
        }
    }

    /**
     * The conference's rows replaced: an agency per entry, attended when its status is {@code attended};
     * {@code status} is kept as given (null from an outline plan, which lists only who attended).
     */
    private static void replaceConference(Connection c, String caseReference, String conferenceId, String kind,
            String council, Map<String, String> statusByAgency, String source, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                delete from conference_attendance where case_reference = ? and conference_id = ?""")) {
            ps.setString(1, caseReference);
            ps.setString(2, conferenceId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into conference_attendance (case_reference, conference_id, agency, kind, council, attended,
                                                   recorded_at, status, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Map.Entry<String, String> entry : new TreeMap<>(statusByAgency).entrySet()) {
                ps.setString(1, caseReference);
                ps.setString(2, conferenceId);
                ps.setString(3, entry.getKey());
                ps.setString(4, kind);
                ps.setString(5, council);
                ps.setBoolean(6, "attended".equals(entry.getValue()));
                ps.setTimestamp(7, Timestamp.from(at));
                ps.setString(8, "outline-plan".equals(source) ? null : entry.getValue());
                ps.setString(9, source);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Whether each agency recorded for a conference was there (attended, or apologies and a report), as the
     * conference's attendance of record stands now.
     */
    public Map<String, Boolean> conferencePresence(Connection c, String caseReference, String conferenceId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select agency, attended or status is not distinct from 'apologies-and-report' from conference_attendance
                where case_reference = ? and conference_id = ?""")) {
            ps.setString(1, caseReference);
            ps.setString(2, conferenceId);
            Map<String, Boolean> present = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.put(rs.getString(1), rs.getBoolean(2));
                }
            }
            return present;
        }
    }

    /** Who came to a strategy meeting, as its record gives it, replacing what an earlier record of it said. */
    public void recordStrategyAttendance(Connection c, Effect.RecordStrategyAttendance a, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                delete from strategy_meeting_attendance where case_reference = ? and meeting_id = ?""")) {
            ps.setString(1, a.caseReference());
            ps.setString(2, a.meetingId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into strategy_meeting_attendance (case_reference, meeting_id, agency, council, status, held_on,
                                                         recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            for (Map.Entry<String, String> entry : new TreeMap<>(a.statusByAgency()).entrySet()) {
                ps.setString(1, a.caseReference());
                ps.setString(2, a.meetingId());
                ps.setString(3, entry.getKey());
                ps.setString(4, a.council());
                ps.setString(5, entry.getValue());
                ps.setDate(6, Date.valueOf(a.heldOn()));
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

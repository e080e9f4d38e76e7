package wales.safeguarding.hub.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.rules.ChildCase;
import wales.safeguarding.hub.rules.Effect;

/**
 * What the hub knows of each case from its messages: the council that holds it, the child's GP practice, school and
 * police force, the invitees of each conference, the core group, and whether the child is on the register.
 */
@ApplicationScoped
public class CaseBook {

    public static final String INVITEE = Effect.AddMembers.INVITEE;
    public static final String CORE_GROUP = Effect.AddMembers.CORE_GROUP;

    public Optional<ChildCase> find(Connection c, String caseReference) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select case_reference, council, gp_practice, school, police_force, registered,
                       school_moved_at is not null
                from child_case where case_reference = ?""")) {
            ps.setString(1, caseReference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ChildCase(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7))) : Optional.empty();
            }
        }
    }

    /**
     * Creates the case, or fills in what was not known yet: a value given replaces the one known, a null never does;
     * but once a school-transfer has moved the child ({@link #moveSchool}), only another transfer changes the school.
     */
    public void remember(Connection c, String caseReference, String council, String gpPractice, String school,
            String policeForce, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into child_case (case_reference, council, gp_practice, school, police_force, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (case_reference) do update set
                    gp_practice = coalesce(excluded.gp_practice, child_case.gp_practice),
                    school = case when child_case.school_moved_at is not null then child_case.school
                                  else coalesce(excluded.school, child_case.school) end,
                    police_force = coalesce(excluded.police_force, child_case.police_force),
                    updated_at = excluded.updated_at""")) {
            ps.setString(1, caseReference);
            ps.setString(2, council);
            ps.setString(3, gpPractice);
            ps.setString(4, school);
            ps.setString(5, policeForce);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** A school-transfer moved the child: the case's school is the new school from now on. */
    public void moveSchool(Connection c, String caseReference, String council, String gpPractice, String newSchool,
            Instant at) throws SQLException {
        remember(c, caseReference, council, gpPractice, null, null, at);
        try (PreparedStatement ps = c.prepareStatement(
                "update child_case set school = ?, school_moved_at = ?, updated_at = ? where case_reference = ?")) {
            ps.setString(1, newSchool);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, caseReference);
            ps.executeUpdate();
        }
    }

    /**
     * The child moved school: the school's place in the core group moves with the child (the old school leaves it
     * and the new one joins it, if the old one was a member). Returns whether it moved.
     */
    public boolean moveCoreGroupSchool(Connection c, String caseReference, String oldSchool, String newSchool)
            throws SQLException {
        if (oldSchool == null || oldSchool.equals(newSchool)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "delete from case_member where case_reference = ? and membership = ? and agency_id = ?")) {
            ps.setString(1, caseReference);
            ps.setString(2, CORE_GROUP);
            ps.setString(3, oldSchool);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        addMembers(c, caseReference, CORE_GROUP, null, List.of(newSchool));
        return true;
    }

    public void setRegistered(Connection c, String caseReference, boolean registered, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update child_case set registered = ?, updated_at = ? where case_reference = ?")) {
            ps.setBoolean(1, registered);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, caseReference);
            ps.executeUpdate();
        }
    }

    public void addMembers(Connection c, String caseReference, String membership, String conferenceId,
            Iterable<String> agencies) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into case_member (case_reference, membership, conference_id, agency_id) values (?, ?, ?, ?)
                on conflict do nothing""")) {
            for (String agency : agencies) {
                ps.setString(1, caseReference);
                ps.setString(2, membership);
                ps.setString(3, conferenceId == null ? "" : conferenceId);
                ps.setString(4, agency);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The invitees of a conference ({@code conferenceId}), or of every conference of the case when null. */
    public Set<String> invitees(Connection c, String caseReference, String conferenceId) throws SQLException {
        return members(c, caseReference, INVITEE, conferenceId);
    }

    public Set<String> coreGroup(Connection c, String caseReference) throws SQLException {
        return members(c, caseReference, CORE_GROUP, null);
    }

    private static Set<String> members(Connection c, String caseReference, String membership, String conferenceId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select agency_id from case_member where case_reference = ? and membership = ?
                    and (? = '' or conference_id = ?) order by agency_id""")) {
            String conference = conferenceId == null ? "" : conferenceId;
            ps.setString(1, caseReference);
            ps.setString(2, membership);
            ps.setString(3, conference);
            ps.setString(4, conference);
            Set<String> agencies = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    agencies.add(rs.getString(1));
                }
            }
            return agencies;
        }
    }

    public void recordMinutes(Connection c, String caseReference, String conferenceId, UUID messageId, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into conference_minutes (case_reference, conference_id, message_id, received_at)
                values (?, ?, ?, ?) on conflict do nothing""")) {
            ps.setString(1, caseReference);
            ps.setString(2, conferenceId);
            ps.setObject(3, messageId);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** When the minutes of a conference first reached the hub, if they have. */
    public Optional<Instant> minutesReceived(Connection c, String caseReference, String conferenceId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select min(received_at) from conference_minutes where case_reference = ? and conference_id = ?""")) {
            ps.setString(1, caseReference);
            ps.setString(2, conferenceId);
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(t).map(Timestamp::toInstant);
            }
        }
    }

}

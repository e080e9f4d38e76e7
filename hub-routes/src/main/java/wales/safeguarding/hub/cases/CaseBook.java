package wales.safeguarding.hub.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.hub.bodies.BodyCipher;
import wales.safeguarding.hub.bodies.BodyVault;
import wales.safeguarding.hub.bodies.SealedBody;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.rules.ConferenceRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * What the hub knows of each case from its messages: the council that holds it, each child's GP practice, school,
 * police force and register status, the invitees of each conference, and the core group.
 */
@ApplicationScoped
public class CaseBook {

    // a field, so the migration tests can read cases with a plain new CaseBook()
    @Inject
    BodyVault vault;

    public static final String INVITEE = Effect.AddMembers.INVITEE;
    public static final String CORE_GROUP = Effect.AddMembers.CORE_GROUP;
    public static final String STRATEGY_DISCUSSION = Effect.AddMembers.STRATEGY_DISCUSSION;

    public Optional<CaseRecord> find(Connection c, String caseReference) throws SQLException {
        String council;
        try (PreparedStatement ps = c.prepareStatement("select council from child_case where case_reference = ?")) {
            ps.setString(1, caseReference);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                council = rs.getString(1);
            }
        }
        List<ChildRecord> children = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select child_key, gp_practice, school, police_force, registered, school_moved_at is not null,
                       other_provision
                from case_child where case_reference = ? order by child_key""")) {
            ps.setString(1, caseReference);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array provision = rs.getArray(7);
                    children.add(new ChildRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getBoolean(6),
                            provision == null ? List.of() : List.of((String[]) provision.getArray())));
                }
            }
        }
        return Optional.of(new CaseRecord(caseReference, council, children));
    }

    /** Creates the case, held by {@code council}, if the hub has not seen it. */
    public void remember(Connection c, String caseReference, String council, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into child_case (case_reference, council, updated_at) values (?, ?, ?)
                on conflict (case_reference) do update set updated_at = excluded.updated_at""")) {
            ps.setString(1, caseReference);
            ps.setString(2, council);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** A case-transfer: the case is held by {@code council} from now on. */
    public void transfer(Connection c, String caseReference, String council, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update child_case set council = ?, updated_at = ? where case_reference = ?")) {
            ps.setString(1, council);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, caseReference);
            ps.executeUpdate();
        }
        // the children's running registrations now belong to the receiving council (the board measures follow the
        // council holding the case; not a removal and a new registration, which would count as a re-registration)
        try (PreparedStatement ps = c.prepareStatement(
                "update register_history set council = ? where case_reference = ? and removed_on is null")) {
            ps.setString(1, council);
            ps.setString(2, caseReference);
            ps.executeUpdate();
        }
    }

    /**
     * Records a child of the case, or fills in what was not known yet: a value given replaces the one known, a null
     * never does; but once a school-transfer has moved the child ({@link #moveSchool}), only another transfer changes
     * the school.
     */
    public void rememberChild(Connection c, String caseReference, String childKey, String gpPractice, String school,
            String policeForce, Instant at) throws SQLException {
        rememberChild(c, caseReference, childKey, gpPractice, school, policeForce, null, at);
    }

    /**
     * As {@link #rememberChild(Connection, String, String, String, String, String, Instant)}, with the child's other
     * education providers ({@code other_provision}, V38): a list given replaces the one known (empty: none now), null
     * keeps it.
     */
    public void rememberChild(Connection c, String caseReference, String childKey, String gpPractice, String school,
            String policeForce, List<String> otherProvision, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into case_child (case_reference, child_key, gp_practice, school, police_force, other_provision,
                                        updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (case_reference, child_key) do update set
                    gp_practice = coalesce(excluded.gp_practice, case_child.gp_practice),
                    school = case when case_child.school_moved_at is not null then case_child.school
                                  else coalesce(excluded.school, case_child.school) end,
                    police_force = coalesce(excluded.police_force, case_child.police_force),
                    other_provision = coalesce(excluded.other_provision, case_child.other_provision),
                    updated_at = excluded.updated_at""")) {
            ps.setString(1, caseReference);
            ps.setString(2, childKey);
            ps.setString(3, gpPractice);
            ps.setString(4, school);
            ps.setString(5, policeForce);
            ps.setArray(6, otherProvision == null ? null : c.createArrayOf("text", otherProvision.toArray()));
            ps.setTimestamp(7, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** A school-transfer moved the child: the child's school is the new school from now on. */
    public void moveSchool(Connection c, String caseReference, String childKey, String newSchool, Instant at)
            throws SQLException {
        rememberChild(c, caseReference, childKey, null, null, null, at);
        try (PreparedStatement ps = c.prepareStatement("""
                update case_child set school = ?, school_moved_at = ?, updated_at = ?
                where case_reference = ? and child_key = ?""")) {
            ps.setString(1, newSchool);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, caseReference);
            ps.setString(5, childKey);
            ps.executeUpdate();
        }
    }

    /**
     * The child moved school: the school's place in the core group moves with the child (the old school leaves it
     * and the new one joins it, if the old one was a member and teaches no other child of the case). Returns whether
     * it moved.
     */
    public boolean moveCoreGroupSchool(Connection c, String caseReference, String oldSchool, String newSchool)
            throws SQLException {
        if (oldSchool == null || oldSchool.equals(newSchool)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                delete from case_member where case_reference = ? and membership = ? and agency_id = ?
                  and not exists (select 1 from case_child where case_reference = ? and school = ?)""")) {
            ps.setString(1, caseReference);
            ps.setString(2, CORE_GROUP);
            ps.setString(3, oldSchool);
            ps.setString(4, caseReference);
            ps.setString(5, oldSchool);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        addMembers(c, caseReference, CORE_GROUP, null, List.of(newSchool));
        return true;
    }

    /**
     * The child is on the register from the day {@code on}, or off it from that day: the current status
     * ({@code case_child.registered}) and, in the same transaction, the register's history ({@code register_history},
     * V36): a child put on the register who was not on it opens a registration (held by the case's council); taken
     * off, the open one closes. A review conference keeping the child on the register changes neither.
     */
    public void setRegistered(Connection c, String caseReference, String childKey, boolean registered,
            java.time.LocalDate on, Instant at) throws SQLException {
        rememberChild(c, caseReference, childKey, null, null, null, at);
        try (PreparedStatement ps = c.prepareStatement("""
                update case_child set registered = ?, updated_at = ? where case_reference = ? and child_key = ?""")) {
            ps.setBoolean(1, registered);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, caseReference);
            ps.setString(4, childKey);
            ps.executeUpdate();
        }
        String history = registered ? """
                insert into register_history (case_reference, child_key, council, added_on, recorded_at)
                select case_reference, ?, council, ?, ? from child_case where case_reference = ?
                on conflict (case_reference, child_key) where removed_on is null do nothing"""
                : """
                update register_history set removed_on = greatest(?, added_on), recorded_at = ?
                where case_reference = ? and child_key = ? and removed_on is null""";
        try (PreparedStatement ps = c.prepareStatement(history)) {
            if (registered) {
                ps.setString(1, childKey);
                ps.setObject(2, on);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setString(4, caseReference);
            } else {
                ps.setObject(1, on);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setString(3, caseReference);
                ps.setString(4, childKey);
            }
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

    /** The parties of a strategy discussion ({@code meetingId}), or of every one of the case when null. */
    public Set<String> strategyDiscussion(Connection c, String caseReference, String meetingId) throws SQLException {
        return members(c, caseReference, STRATEGY_DISCUSSION, meetingId);
    }

    /** Books a conference, or books it again (rescheduled): its kind, start and children as the invitation gives them. */
    public void rememberConference(Connection c, String caseReference, ConferenceRecord conference, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into conference (case_reference, conference_id, kind, starts_at, child_keys, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (case_reference, conference_id) do update set kind = excluded.kind,
                    starts_at = excluded.starts_at, child_keys = excluded.child_keys, updated_at = excluded.updated_at""")) {
            ps.setString(1, caseReference);
            ps.setString(2, conference.conferenceId());
            ps.setString(3, conference.kind());
            ps.setTimestamp(4, Timestamp.from(conference.startsAt()));
            ps.setArray(5, c.createArrayOf("text", conference.children().toArray()));
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** The conference as its invitation booked it, if one went through the hub (since V14). */
    public Optional<ConferenceRecord> conference(Connection c, String caseReference, String conferenceId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select kind, starts_at, child_keys from conference where case_reference = ? and conference_id = ?""")) {
            ps.setString(1, caseReference);
            ps.setString(2, conferenceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String[] keys = (String[]) rs.getArray(3).getArray();
                return Optional.of(new ConferenceRecord(conferenceId, rs.getString(1), rs.getTimestamp(2).toInstant(),
                        List.of(keys)));
            }
        }
    }

    public Set<String> coreGroup(Connection c, String caseReference) throws SQLException {
        return members(c, caseReference, CORE_GROUP, null);
    }

    /** The agencies asked for what they know for a strategy discussion of the case (every one when null). */
    public Set<String> strategyContributors(Connection c, String caseReference, String meetingId) throws SQLException {
        return members(c, caseReference, Effect.AddMembers.STRATEGY_CONTRIBUTOR, meetingId);
    }

    /** The agencies every interim safety plan of the case went to. */
    public Set<String> safetyPlanParties(Connection c, String caseReference) throws SQLException {
        return members(c, caseReference, Effect.AddMembers.SAFETY_PLAN, null);
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

    /** A version of the minutes of a conference reached the hub; {@code isFinal}: the final minutes. */
    public void recordMinutes(Connection c, String caseReference, String conferenceId, UUID messageId, boolean isFinal,
            Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into conference_minutes (case_reference, conference_id, message_id, received_at, final)
                values (?, ?, ?, ?, ?) on conflict do nothing""")) {
            ps.setString(1, caseReference);
            ps.setString(2, conferenceId);
            ps.setObject(3, messageId);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setBoolean(5, isFinal);
            ps.executeUpdate();
        }
    }

    /**
     * What a conference's invitation or outline plan ({@code voice.stage()}) records of how each child takes part,
     * replacing what an earlier message of the same stage said: counts for the boards' report, no child's name or
     * identifier.
     */
    public void recordChildrensVoice(Connection c, Effect.RecordChildrensVoice voice, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                delete from child_voice where case_reference = ? and conference_id = ? and stage = ?""")) {
            ps.setString(1, voice.caseReference());
            ps.setString(2, voice.conferenceId());
            ps.setString(3, voice.stage());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into child_voice (case_reference, conference_id, stage, child_index, council, recorded_at,
                                         recorded, invited, advocacy, took_part, why_not)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < voice.children().size(); i++) {
                Effect.ChildVoice child = voice.children().get(i);
                ps.setString(1, voice.caseReference());
                ps.setString(2, voice.conferenceId());
                ps.setString(3, voice.stage());
                ps.setInt(4, i);
                ps.setString(5, voice.council());
                ps.setTimestamp(6, Timestamp.from(at));
                ps.setBoolean(7, child.recorded());
                ps.setObject(8, child.invited(), java.sql.Types.BOOLEAN);
                ps.setBoolean(9, child.advocacy());
                ps.setString(10, child.tookPart());
                ps.setString(11, child.whyNot());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** When the final minutes of a conference reached the hub (the latest final version), if they have. */
    public Optional<Instant> finalMinutesReceived(Connection c, String caseReference, String conferenceId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select max(received_at) from conference_minutes
                where case_reference = ? and conference_id = ? and final""")) {
            ps.setString(1, caseReference);
            ps.setString(2, conferenceId);
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(t).map(Timestamp::toInstant);
            }
        }
    }

    /**
     * The stored payload of the latest invitation to a conference, while the payload is kept. Bodies are encrypted at
     * rest, so the database cannot look inside them: the case's invitations are opened newest first until one names
     * the conference (a case has a handful).
     */
    public Optional<byte[]> conferenceInvitation(Connection c, String caseReference, String conferenceId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select message_id, payload, payload_key, payload_dek from message
                where case_reference = ? and message_type = 'conference-invitation' and payload is not null
                order by accepted_at desc""")) {
            ps.setString(1, caseReference);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID messageId = rs.getObject(1, UUID.class);
                    byte[] clear = vault.cipher().open(BodyCipher.messageContext(messageId),
                            new SealedBody(rs.getString(3), rs.getBytes(4), rs.getBytes(2)));
                    if (conferenceId.equals(conferenceIdOf(clear))) {
                        return Optional.of(clear);
                    }
                }
                return Optional.empty();
            }
        }
    }

    private static String conferenceIdOf(byte[] invitation) {
        try {
            JsonNode id = CanonicalJson.mapper().readTree(invitation).path("body").path("conferenceId");
            return id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored invitation cannot be read back", e);
        }
    }
}

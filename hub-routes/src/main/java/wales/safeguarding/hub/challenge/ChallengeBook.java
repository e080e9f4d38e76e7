package wales.safeguarding.hub.challenge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Rows;
import wales.safeguarding.hub.rules.ChallengeRecord;
import wales.safeguarding.hub.rules.Effect;

/**
 * The professional challenges the hub holds ({@code professional_challenge}, V33): who challenged whom in which case,
 * the stage reached and when, and the resolution. No words of the challenge: those stay in the message.
 */
@ApplicationScoped
public class ChallengeBook {

    public Optional<ChallengeRecord> find(Connection c, String caseReference, String challengeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select case_reference, challenge_id, council, challenger, challenged, stage, resolution
                from professional_challenge where case_reference = ? and challenge_id = ?""")) {
            ps.setString(1, caseReference);
            ps.setString(2, challengeId);
            return Rows.list(ps, rs -> new ChallengeRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).stream().findFirst();
        }
    }

    public void raise(Connection c, Effect.RaiseChallenge r, UUID messageId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into professional_challenge (case_reference, challenge_id, council, challenger, challenged,
                    decision_kind, raised_by_message, raised_at, stage, stage_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, r.caseReference());
            ps.setString(2, r.challengeId());
            ps.setString(3, r.council());
            ps.setString(4, r.challenger());
            ps.setString(5, r.challenged());
            ps.setString(6, r.decisionKind());
            ps.setObject(7, messageId);
            ps.setTimestamp(8, Timestamp.from(at));
            ps.setString(9, ChallengeStage.PRACTITIONER.wireName());
            ps.setTimestamp(10, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /**
     * The challenge goes from stage {@code from} to {@code stage} at {@code at}, if it still stands open at
     * {@code from}. The condition is the guard against a double advance: of two transactions stepping up the same
     * stage (two parties, or a party and the sweep), the second waits for the first's row lock, then finds the stage
     * moved and changes nothing (PostgreSQL re-reads the row under read committed).
     *
     * @return false when the challenge had moved on (or was resolved): the caller must not go on as if it advanced
     */
    public boolean stage(Connection c, String caseReference, String challengeId, String from, String stage, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update professional_challenge set stage = ?, stage_at = ?
                where case_reference = ? and challenge_id = ? and stage = ? and resolution is null""")) {
            ps.setString(1, stage);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, caseReference);
            ps.setString(4, challengeId);
            ps.setString(5, from);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * The challenge is resolved at stage {@code stage}, if it still stands open there (as {@link #stage} guards).
     *
     * @return false when it had moved on or was resolved already
     */
    public boolean resolve(Connection c, String caseReference, String challengeId, String stage, String resolution,
            UUID messageId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update professional_challenge set resolution = ?, resolved_at = ?, resolved_by_message = ?
                where case_reference = ? and challenge_id = ? and stage = ? and resolution is null""")) {
            ps.setString(1, resolution);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setObject(3, messageId);
            ps.setString(4, caseReference);
            ps.setString(5, challengeId);
            ps.setString(6, stage);
            return ps.executeUpdate() == 1;
        }
    }
}

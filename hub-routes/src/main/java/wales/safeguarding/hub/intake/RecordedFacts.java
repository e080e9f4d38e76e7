package wales.safeguarding.hub.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import wales.safeguarding.hub.cases.CaseBook;
import wales.safeguarding.hub.challenge.ChallengeBook;
import wales.safeguarding.hub.clocks.ClockRecord;
import wales.safeguarding.hub.clocks.ClockRepository;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChallengeRecord;
import wales.safeguarding.hub.rules.ConferenceRecord;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The rules' facts as the tracking database holds them, read in the intake's transaction. A failed read is a failure
 * of the tracking store ({@link RecordedFacts.Unreadable}), which the intake turns back into its SQL cause.
 */
final class RecordedFacts implements CaseFacts {

    /** A read failed: carries the SQL cause out of the rules, which know nothing of SQL. */
    static final class Unreadable extends RuntimeException {
        Unreadable(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T run() throws SQLException;
    }

    private final Connection c;
    private final Map<String, Optional<CaseRecord>> casesRead = new HashMap<>();
    private final CaseBook cases;
    private final TrackingRepository tracking;
    private final ClockRepository clocks;
    private final ChallengeBook challenges;
    private final wales.safeguarding.hub.cases.AttendanceBook attendance;

    RecordedFacts(Connection c, CaseBook cases, TrackingRepository tracking, ClockRepository clocks,
            ChallengeBook challenges, wales.safeguarding.hub.cases.AttendanceBook attendance) {
        this.attendance = attendance;
        this.challenges = challenges;
        this.c = c;
        this.cases = cases;
        this.tracking = tracking;
        this.clocks = clocks;
    }

    /**
     * The case, read once per intake: the rules ask for it in routing and again in acceptance, and nothing writes the
     * case record between the two (the effects are applied after the rules have returned).
     */
    @Override
    public Optional<CaseRecord> caseOf(String caseReference) {
        if (caseReference == null) {
            return Optional.empty();
        }
        return casesRead.computeIfAbsent(caseReference, ref -> read(() -> cases.find(c, ref)));
    }

    @Override
    public Set<String> invitees(String caseReference, String conferenceId) {
        return read(() -> cases.invitees(c, caseReference, conferenceId));
    }

    @Override
    public Optional<ConferenceRecord> conference(String caseReference, String conferenceId) {
        return read(() -> cases.conference(c, caseReference, conferenceId));
    }

    @Override
    public Set<String> strategyDiscussion(String caseReference, String meetingId) {
        return read(() -> cases.strategyDiscussion(c, caseReference, meetingId));
    }

    @Override
    public Set<String> coreGroup(String caseReference) {
        return read(() -> cases.coreGroup(c, caseReference));
    }

    @Override
    public Set<String> strategyContributors(String caseReference, String meetingId) {
        return read(() -> cases.strategyContributors(c, caseReference, meetingId));
    }

    @Override
    public Set<String> safetyPlanParties(String caseReference) {
        return read(() -> cases.safetyPlanParties(c, caseReference));
    }

    @Override
    public Optional<StoredMessage> answered(Envelope answer, MessageType type) {
        return read(() -> tracking.answeredMessage(c, answer, type));
    }

    @Override
    public List<ClockRecord> runningClocks(String caseReference, String clock, String subject) {
        return read(() -> clocks.runningCaseClocks(c, caseReference, clock, subject));
    }

    @Override
    public Optional<Instant> finalMinutesReceived(String caseReference, String conferenceId) {
        return read(() -> cases.finalMinutesReceived(c, caseReference, conferenceId));
    }

    @Override
    public Optional<Envelope> conferenceInvitation(String caseReference, String conferenceId) {
        return caseReference == null || conferenceId == null ? Optional.empty()
                : read(() -> cases.conferenceInvitation(c, caseReference, conferenceId)).map(RecordedFacts::stored);
    }

    @Override
    public List<Boolean> reviewAttendance(String caseReference, String agency, String conferenceId, int last) {
        return read(() -> attendance.reviewAttendance(c, caseReference, agency, conferenceId, last));
    }

    @Override
    public java.util.Map<String, Boolean> conferencePresence(String caseReference, String conferenceId) {
        return read(() -> attendance.conferencePresence(c, caseReference, conferenceId));
    }

    @Override
    public List<Boolean> coreGroupAttendance(String caseReference, String childKey, String agency, String planId,
            java.time.LocalDate metOn, int last) {
        return read(() -> attendance.coreGroupAttendance(c, caseReference, childKey, agency, planId, metOn, last));
    }

    @Override
    public Optional<ChallengeRecord> challenge(String caseReference, String challengeId) {
        return read(() -> challenges.find(c, caseReference, challengeId));
    }

    /** A message the hub stored, read back (the hub validated it before it stored it). */
    private static Envelope stored(byte[] payload) {
        try {
            return CanonicalJson.read(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored message cannot be read back", e);
        }
    }

    private static <T> T read(Read<T> read) {
        try {
            return read.run();
        } catch (SQLException e) {
            throw new Unreadable(e);
        }
    }
}

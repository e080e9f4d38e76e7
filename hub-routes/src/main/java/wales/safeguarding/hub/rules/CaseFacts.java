package wales.safeguarding.hub.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import wales.safeguarding.hub.clocks.ClockRecord;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * What the rules may know about the cases and messages that came before, read in the intake's transaction (in tests,
 * from memory). Nothing here writes.
 */
public interface CaseFacts {

    /** The case, if a message of it reached the hub before. */
    Optional<CaseRecord> caseOf(String caseReference);

    /** The invitees of a conference ({@code conferenceId}), or of every conference of the case when null. */
    Set<String> invitees(String caseReference, String conferenceId);

    /** The conference as its invitation through the hub booked it, if one did. */
    Optional<ConferenceRecord> conference(String caseReference, String conferenceId);

    /**
     * The parties of a strategy discussion ({@code meetingId}: the recipients of its invitation), or of every strategy
     * discussion of the case when null.
     */
    Set<String> strategyDiscussion(String caseReference, String meetingId);

    /** The agencies the hub asked for what they know for a strategy discussion ({@code meetingId}; null: every one). */
    Set<String> strategyContributors(String caseReference, String meetingId);

    /** The case's core group. */
    Set<String> coreGroup(String caseReference);

    /** The agencies every interim safety plan of the case went to (empty: no safety plan went through the hub). */
    Set<String> safetyPlanParties(String caseReference);

    /**
     * The earlier message an answer refers to by its {@code correlationId}, if the hub sent it to the answer's sender
     * ({@code type} narrows it when not null).
     */
    Optional<StoredMessage> answered(Envelope answer, MessageType type);

    /** The running clocks of a case with this name ({@code subject}, e.g. a conference id, narrows it when given). */
    List<ClockRecord> runningClocks(String caseReference, String clock, String subject);

    /**
     * When the final minutes of a conference reached the hub (the latest final version, if the council sent them
     * again), if they have: corrections run from then.
     */
    Optional<Instant> finalMinutesReceived(String caseReference, String conferenceId);

    /**
     * The latest invitation to a conference that went through the hub, while its payload is kept: it names the
     * children the conference is about.
     */
    Optional<Envelope> conferenceInvitation(String caseReference, String conferenceId);

    /**
     * Whether {@code agency} attended each of the case's review conferences it was invited to, other than
     * {@code conferenceId}, as their outline plans recorded it: the newest {@code last}, newest first.
     */
    List<Boolean> reviewAttendance(String caseReference, String agency, String conferenceId, int last);

    /**
     * Whether each agency recorded for a conference was there (attended, or apologies and a report), as the
     * conference's attendance of record stands before this message (its outline plan's, or its minutes').
     */
    java.util.Map<String, Boolean> conferencePresence(String caseReference, String conferenceId);

    /**
     * Whether {@code agency} was at each of the child's core group meetings it is recorded for (attended, or apologies
     * and a report), other than the one of {@code planId} on {@code metOn}: the newest {@code last}, newest first.
     */
    List<Boolean> coreGroupAttendance(String caseReference, String childKey, String agency, String planId,
            java.time.LocalDate metOn, int last);

    /** The professional challenge {@code challengeId} of the case, if one reached the hub. */
    Optional<ChallengeRecord> challenge(String caseReference, String challengeId);
}

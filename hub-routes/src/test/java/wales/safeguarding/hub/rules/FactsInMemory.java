package wales.safeguarding.hub.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.bodies.Body;
import wales.safeguarding.hub.clocks.ClockRecord;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The facts a flow's rules read, held in memory for plain unit tests: set up what came before, ask the rules, look at
 * the routing and the effects. Nothing here is a database.
 */
public final class FactsInMemory implements CaseFacts {

    private final Map<String, List<Boolean>> reviewAttendance = new HashMap<>();
    private final Map<String, List<Boolean>> coreGroupAttendance = new HashMap<>();
    private final Map<String, Map<String, Boolean>> conferencePresence = new HashMap<>();
    private final Map<String, ChallengeRecord> challenges = new HashMap<>();

    /** A running case clock as the tests set it up. */
    public record RunningClock(String caseReference, String clock, String subject, String owedBy, Instant dueAt) {
    }

    private final Map<String, CaseRecord> cases = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> invitees = new HashMap<>();
    private final Map<String, Set<String>> coreGroups = new HashMap<>();
    private final Map<String, Set<String>> safetyPlans = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> strategyContributors = new HashMap<>();
    private final Map<UUID, StoredMessage> sent = new LinkedHashMap<>();
    private final Map<UUID, List<String>> sentTo = new HashMap<>();
    private final List<RunningClock> clocks = new ArrayList<>();
    private final Map<String, Instant> finalMinutes = new HashMap<>();
    private final Map<String, Envelope> invitations = new HashMap<>();
    private final Map<String, ConferenceRecord> conferences = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> strategyDiscussions = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public FactsInMemory withCase(CaseRecord known) {
        cases.put(known.caseReference(), known);
        return this;
    }

    public FactsInMemory withInvitees(String caseReference, String conferenceId, String... agencies) {
        invitees.computeIfAbsent(caseReference, k -> new LinkedHashMap<>())
                .computeIfAbsent(conferenceId, k -> new LinkedHashSet<>()).addAll(List.of(agencies));
        return this;
    }

    /** A conference an invitation through the hub booked. */
    public FactsInMemory withConference(String caseReference, ConferenceRecord conference) {
        conferences.put(caseReference + "/" + conference.conferenceId(), conference);
        return this;
    }

    /** The parties of a strategy discussion (the recipients of its invitation). */
    public FactsInMemory withStrategyDiscussion(String caseReference, String meetingId, String... agencies) {
        strategyDiscussions.computeIfAbsent(caseReference, k -> new LinkedHashMap<>())
                .computeIfAbsent(meetingId, k -> new LinkedHashSet<>()).addAll(List.of(agencies));
        return this;
    }

    public FactsInMemory withCoreGroup(String caseReference, String... agencies) {
        coreGroups.computeIfAbsent(caseReference, k -> new LinkedHashSet<>()).addAll(List.of(agencies));
        return this;
    }

    /** A message the hub stored earlier and sent to {@code recipients}. */
    public FactsInMemory withSent(Envelope message, String... recipients) {
        sent.put(message.messageId(), new StoredMessage(message.messageId(), message.type().wireName(),
                message.schemaVersion(), message.sender(), message.caseReference(), message.childReference(),
                message.correlationId(), message.language().code(), message.securityLabel(),
                message.createdAt().toInstant(), message.createdAt().toInstant(), "", Body.clear(new byte[0])));
        sentTo.put(message.messageId(), List.of(recipients));
        return this;
    }

    public FactsInMemory withRunningClock(String caseReference, String clock, String subject, String owedBy,
            Instant dueAt) {
        clocks.add(new RunningClock(caseReference, clock, subject, owedBy, dueAt));
        return this;
    }

    /** The final minutes of a conference reached the hub at {@code at}. */
    public FactsInMemory withFinalMinutesReceived(String caseReference, String conferenceId, Instant at) {
        finalMinutes.put(caseReference + "/" + conferenceId, at);
        return this;
    }

    /** An invitation to a conference (its body names the conference) went through the hub; the latest one counts. */
    public FactsInMemory withInvitation(Envelope invitation) {
        invitations.put(invitation.caseReference() + "/" + invitation.body().path("conferenceId").asText(),
                invitation);
        return this;
    }

    @Override
    public Optional<CaseRecord> caseOf(String caseReference) {
        return Optional.ofNullable(caseReference == null ? null : cases.get(caseReference));
    }

    @Override
    public Set<String> invitees(String caseReference, String conferenceId) {
        Map<String, Set<String>> byConference = invitees.getOrDefault(caseReference, Map.of());
        if (conferenceId != null) {
            return Set.copyOf(byConference.getOrDefault(conferenceId, Set.of()));
        }
        Set<String> all = new LinkedHashSet<>();
        byConference.values().forEach(all::addAll);
        return all;
    }

    @Override
    public Optional<ConferenceRecord> conference(String caseReference, String conferenceId) {
        return Optional.ofNullable(conferences.get(caseReference + "/" + conferenceId));
    }

    @Override
    public Set<String> strategyDiscussion(String caseReference, String meetingId) {
        Map<String, Set<String>> byMeeting = strategyDiscussions.getOrDefault(caseReference, Map.of());
        if (meetingId != null) {
            return Set.copyOf(byMeeting.getOrDefault(meetingId, Set.of()));
        }
        Set<String> all = new LinkedHashSet<>();
        byMeeting.values().forEach(all::addAll);
        return all;
    }

    @Override
    public Set<String> coreGroup(String caseReference) {
        return new LinkedHashSet<>(coreGroups.getOrDefault(caseReference, Set.of()));
    }

    @Override
    public Set<String> strategyContributors(String caseReference, String meetingId) {
        Map<String, Set<String>> byMeeting = strategyContributors.getOrDefault(caseReference, Map.of());
        Set<String> all = new LinkedHashSet<>();
        byMeeting.forEach((meeting, agencies) -> {
            if (meetingId == null || meetingId.equals(meeting)) {
                all.addAll(agencies);
            }
        });
        return all;
    }

    public FactsInMemory withStrategyContributors(String caseReference, String meetingId, String... agencies) {
        strategyContributors.computeIfAbsent(caseReference, k -> new LinkedHashMap<>())
                .computeIfAbsent(meetingId, k -> new LinkedHashSet<>()).addAll(List.of(agencies));
        return this;
    }

    @Override
    public Set<String> safetyPlanParties(String caseReference) {
        return new LinkedHashSet<>(safetyPlans.getOrDefault(caseReference, Set.of()));
    }

    public FactsInMemory withSafetyPlan(String caseReference, String... agencies) {
        safetyPlans.computeIfAbsent(caseReference, k -> new LinkedHashSet<>()).addAll(List.of(agencies));
        return this;
    }

    @Override
    public Optional<StoredMessage> answered(Envelope answer, MessageType type) {
        if (answer.correlationId() == null) {
            return Optional.empty();
        }
        StoredMessage original = sent.get(answer.correlationId());
        return Optional.ofNullable(original)
                .filter(o -> sentTo.getOrDefault(o.messageId(), List.of()).contains(answer.sender()))
                .filter(o -> type == null || o.type().equals(type.wireName()));
    }

    @Override
    public List<ClockRecord> runningClocks(String caseReference, String clock, String subject) {
        return clocks.stream()
                .filter(k -> k.caseReference().equals(caseReference) && k.clock().equals(clock)
                        && (subject == null || Objects.equals(subject, k.subject())))
                .map(k -> new ClockRecord(ids.incrementAndGet(), null, k.clock(), k.owedBy(), null, null, k.dueAt(),
                        null, 0, null, false))
                .toList();
    }

    @Override
    public Optional<Instant> finalMinutesReceived(String caseReference, String conferenceId) {
        return Optional.ofNullable(finalMinutes.get(caseReference + "/" + conferenceId));
    }

    @Override
    public Optional<Envelope> conferenceInvitation(String caseReference, String conferenceId) {
        return Optional.ofNullable(invitations.get(caseReference + "/" + conferenceId));
    }

    /** Whether {@code agency} attended the case's earlier review conferences, newest first (as the database keeps). */
    public FactsInMemory reviewAttendance(String caseReference, String agency, List<Boolean> newestFirst) {
        reviewAttendance.put(caseReference + "/" + agency, List.copyOf(newestFirst));
        return this;
    }

    @Override
    public List<Boolean> reviewAttendance(String caseReference, String agency, String conferenceId, int last) {
        List<Boolean> all = reviewAttendance.getOrDefault(caseReference + "/" + agency, List.of());
        return all.subList(0, Math.min(last, all.size()));
    }

    /** Who was at a conference as its attendance of record stands (true: attended or apologies and a report). */
    public FactsInMemory conferencePresence(String caseReference, String conferenceId, Map<String, Boolean> present) {
        conferencePresence.put(caseReference + "/" + conferenceId, Map.copyOf(present));
        return this;
    }

    @Override
    public Map<String, Boolean> conferencePresence(String caseReference, String conferenceId) {
        return conferencePresence.getOrDefault(caseReference + "/" + conferenceId, Map.of());
    }

    /** The agency's presence at the child's earlier core groups, newest first (true: attended or sent a report). */
    public FactsInMemory coreGroupAttendance(String caseReference, String childKey, String agency,
            List<Boolean> newestFirst) {
        coreGroupAttendance.put(caseReference + "/" + childKey + "/" + agency, List.copyOf(newestFirst));
        return this;
    }

    @Override
    public List<Boolean> coreGroupAttendance(String caseReference, String childKey, String agency, String planId,
            java.time.LocalDate metOn, int last) {
        List<Boolean> all = coreGroupAttendance.getOrDefault(caseReference + "/" + childKey + "/" + agency, List.of());
        return all.subList(0, Math.min(last, all.size()));
    }

    /** A canonical message from its JSON (e.g. an example from the schemas module, changed for the test). */
    public static Envelope envelope(ObjectNode json) {
        try {
            return CanonicalJson.mapper().treeToValue(json, Envelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a canonical message: " + e.getOriginalMessage(), e);
        }
    }

    public FactsInMemory withChallenge(ChallengeRecord challenge) {
        challenges.put(challenge.caseReference() + "/" + challenge.challengeId(), challenge);
        return this;
    }

    @Override
    public Optional<ChallengeRecord> challenge(String caseReference, String challengeId) {
        return Optional.ofNullable(challenges.get(caseReference + "/" + challengeId));
    }
}

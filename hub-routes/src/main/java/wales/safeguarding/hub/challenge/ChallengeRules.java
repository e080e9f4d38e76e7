package wales.safeguarding.hub.challenge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChallengeRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.challenge.ChallengeResponse;
import wales.safeguarding.schemas.challenge.ProfessionalChallenge;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Professional challenge between agencies (2023 review, recommendation 5.2):
 * <ul>
 * <li>a {@code professional-challenge} from any agency about a decision of another in the directory
 * ({@code known-agency}, not itself: {@code not-self}), with a challengeId new in the case ({@code new-challenge}),
 * reaches the challenged agency; it starts the practitioner stage's response clock, owed by the challenged agency and
 * waited for by the challenger;</li>
 * <li>a {@code challenge-response} names a challenge of the case ({@code known-challenge}) still open
 * ({@code challenge-open}), from one of its two agencies ({@code challenge-party}), and reaches the other (and the
 * regional safeguarding board of the case's council at the board stage). Agreed or resolved records the resolution
 * at the stage reached and meets the stage's clock; stepped up meets it and starts the next stage's clock (none
 * above the board: {@code no-stage-above});</li>
 * <li>a stage's clock that runs out steps the challenge up on its own ({@link ChallengeStepUp}).</li>
 * <li>a stage moves once: a response is applied only if the challenge still stands open at the stage the rules read
 * ({@link ChallengeBook#stage}, {@link ChallengeBook#resolve}); one that lost a race with another response or with
 * the sweep's step-up is refused whole ({@code challenge-stage-moved}, {@link #stageMoved}), so two step-ups of one
 * stage advance it once and send one set of notices.</li>
 * </ul>
 */
@ApplicationScoped
public class ChallengeRules implements FlowRules {

    private final Directory directory;

    public ChallengeRules(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.PROFESSIONAL_CHALLENGE, MessageType.CHALLENGE_RESPONSE);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        return message.type() == MessageType.PROFESSIONAL_CHALLENGE ? challenge(message, facts)
                : response(message, facts);
    }

    private Routing challenge(Envelope message, CaseFacts facts) {
        ProfessionalChallenge body = CanonicalJson.bodyAs(message, ProfessionalChallenge.class);
        if (directory.find(body.challenged()).isEmpty()) {
            return Routing.refused(new Violation("/body/challenged", "known-agency", "agency '" + body.challenged()
                    + "' is not in the directory"));
        }
        if (body.challenged().equals(message.sender())) {
            return Routing.refused(new Violation("/body/challenged", "not-self", "an agency challenges another "
                    + "agency's decision, not its own"));
        }
        if (facts.challenge(message.caseReference(), body.challengeId()).isPresent()) {
            return Routing.refused(new Violation("/body/challengeId", "new-challenge", "challenge "
                    + body.challengeId() + " of case " + message.caseReference() + " was raised before"));
        }
        Set<String> to = new LinkedHashSet<>(named(message));
        to.add(body.challenged());
        to.remove(message.sender());
        return Routing.to(new ArrayList<>(to));
    }

    private Routing response(Envelope message, CaseFacts facts) {
        ChallengeResponse body = CanonicalJson.bodyAs(message, ChallengeResponse.class);
        Optional<ChallengeRecord> known = facts.challenge(message.caseReference(), body.challengeId());
        if (known.isEmpty()) {
            return Routing.refused(new Violation("/body/challengeId", "known-challenge", "no challenge "
                    + body.challengeId() + " of case " + message.caseReference() + " went through the hub"));
        }
        ChallengeRecord challenge = known.get();
        if (!message.sender().equals(challenge.challenger()) && !message.sender().equals(challenge.challenged())) {
            return Routing.refused(new Violation("/sender", "challenge-party", "only the challenging and the "
                    + "challenged agency answer challenge " + body.challengeId()));
        }
        if (!challenge.open()) {
            return Routing.refused(new Violation("/body/challengeId", "challenge-open", "challenge "
                    + body.challengeId() + " was " + challenge.resolution() + " already"));
        }
        ChallengeStage stage = stageOf(challenge);
        Optional<ChallengeStage> next = stage.next();
        boolean steppedUp = ChallengeResponse.STEPPED_UP.equals(body.response());
        if (steppedUp && next.isEmpty()) {
            return Routing.refused(new Violation("/body/response", "no-stage-above", "challenge "
                    + body.challengeId() + " is at the board stage: there is no stage above it"));
        }
        Set<String> to = new LinkedHashSet<>(named(message));
        to.add(challenge.challenger());
        to.add(challenge.challenged());
        if (stage == ChallengeStage.BOARD || steppedUp && next.get() == ChallengeStage.BOARD) {
            boardOf(challenge).ifPresent(to::add);
        }
        to.remove(message.sender());
        return Routing.to(new ArrayList<>(to));
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        String caseRef = message.caseReference();
        if (message.type() == MessageType.PROFESSIONAL_CHALLENGE) {
            ProfessionalChallenge body = CanonicalJson.bodyAs(message, ProfessionalChallenge.class);
            String council = facts.caseOf(caseRef).map(CaseRecord::council).orElse(null);
            return List.of(new Effect.RaiseChallenge(caseRef, body.challengeId(), council, message.sender(),
                    body.challenged(), body.decision().kind()),
                    new Effect.StartClock(ChallengeStage.PRACTITIONER.clock(), caseRef, body.challengeId(),
                            body.challenged(), message.sender(), at));
        }
        ChallengeResponse body = CanonicalJson.bodyAs(message, ChallengeResponse.class);
        ChallengeRecord challenge = facts.challenge(caseRef, body.challengeId()).orElseThrow();
        ChallengeStage stage = stageOf(challenge);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.StopClocks(stage.clock(), caseRef, body.challengeId(), null));
        if (body.resolves()) {
            effects.add(new Effect.ResolveChallenge(caseRef, body.challengeId(), stage.wireName(), body.response()));
        } else {
            ChallengeStage next = stage.next().orElseThrow();
            effects.add(new Effect.ChallengeStage(caseRef, body.challengeId(), stage.wireName(), next.wireName()));
            effects.add(new Effect.StartClock(next.clock(), caseRef, body.challengeId(), challenge.challenged(),
                    challenge.challenger(), at));
        }
        return effects;
    }

    /** The refusal of a response that found the challenge moved on from {@code stage} when it was applied. */
    public static Violation stageMoved(String challengeId, String stage) {
        return new Violation("/body/challengeId", "challenge-stage-moved", "challenge " + challengeId
                + " moved on from the " + stage + " stage (stepped up or resolved) while this response was on its way: "
                + "read where it stands and answer again");
    }

    private static ChallengeStage stageOf(ChallengeRecord challenge) {
        return ChallengeStage.of(challenge.stage()).orElseThrow(() -> new IllegalStateException(
                "challenge " + challenge.challengeId() + " stands at an unknown stage " + challenge.stage()));
    }

    /** The regional safeguarding board of the case's council, if the hub knows both. */
    private Optional<String> boardOf(ChallengeRecord challenge) {
        return Optional.ofNullable(challenge.council()).flatMap(directory::find)
                .filter(a -> a.kind() == AgencyKind.COUNCIL).flatMap(directory::safeguardingBoardOf).map(Agency::id);
    }

    private static List<String> named(Envelope message) {
        return message.recipients() == null ? List.of() : message.recipients();
    }
}

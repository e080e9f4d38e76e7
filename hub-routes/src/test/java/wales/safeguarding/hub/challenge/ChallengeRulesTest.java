package wales.safeguarding.hub.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.hub.childprotection.RulesFixture.BOARD;
import static wales.safeguarding.hub.childprotection.RulesFixture.CASE;
import static wales.safeguarding.hub.childprotection.RulesFixture.COUNCIL;
import static wales.safeguarding.hub.childprotection.RulesFixture.POLICE;
import static wales.safeguarding.hub.childprotection.RulesFixture.SCHOOL;
import static wales.safeguarding.hub.childprotection.RulesFixture.envelope;
import static wales.safeguarding.hub.childprotection.RulesFixture.example;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.childprotection.RulesFixture;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChallengeRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;

/** Recommendation 5.2: a professional challenge reaches the challenged agency and climbs the stages to resolution. */
class ChallengeRulesTest {

    private static final String ID = "CH-6699001-2025-07";
    private static final Instant AT = Instant.parse("2025-07-14T09:00:00Z");
    private final ChallengeRules rules = new ChallengeRules(RulesFixture.directory());

    private static FactsInMemory challengeAt(String stage, String resolution) {
        return new FactsInMemory().withCase(new CaseRecord(CASE, COUNCIL, List.of()))
                .withChallenge(new ChallengeRecord(CASE, ID, COUNCIL, SCHOOL, COUNCIL, stage, resolution));
    }

    private static ObjectNode response(String response, String sender) {
        ObjectNode message = example("challenge-response");
        message.put("sender", sender);
        message.putArray("recipients");
        message.with("body").put("response", response);
        return message;
    }

    @Test
    @DisplayName("5.2: a challenge reaches the challenged agency and starts the practitioner stage's clock, owed by it")
    void should_send_the_challenge_to_the_challenged_agency_and_start_the_practitioner_clock() {
        FactsInMemory facts = new FactsInMemory().withCase(new CaseRecord(CASE, COUNCIL, List.of()));
        ObjectNode challenge = example("professional-challenge");
        challenge.putArray("recipients").add(POLICE);

        Routing routing = rules.route(envelope(challenge), facts);
        List<Effect> effects = rules.accepted(envelope(challenge), AT, facts);

        assertThat(routing.violations()).isEmpty();
        assertThat(routing.recipients()).containsExactly(POLICE, COUNCIL);
        assertThat(effects).containsExactly(
                new Effect.RaiseChallenge(CASE, ID, COUNCIL, SCHOOL, COUNCIL, "report-outcome"),
                new Effect.StartClock("challenge-practitioner", CASE, ID, COUNCIL, SCHOOL, AT));
    }

    @Test
    @DisplayName("5.2: a challenge of an unknown agency, of itself, or with a challengeId used before is refused")
    void should_refuse_an_unknown_agency_itself_or_a_challenge_id_used_before() {
        ObjectNode unknown = example("professional-challenge");
        unknown.with("body").put("challenged", "no-such-agency");
        assertThat(rules.route(envelope(unknown), new FactsInMemory()).violations()).singleElement()
                .satisfies(v -> assertThat(v.pointer() + " " + v.rule()).isEqualTo("/body/challenged known-agency"));

        ObjectNode itself = example("professional-challenge");
        itself.with("body").put("challenged", SCHOOL);
        assertThat(rules.route(envelope(itself), new FactsInMemory()).violations()).singleElement()
                .satisfies(v -> assertThat(v.pointer() + " " + v.rule()).isEqualTo("/body/challenged not-self"));

        assertThat(rules.route(envelope(example("professional-challenge")), challengeAt("practitioner", null))
                .violations()).singleElement()
                .satisfies(v -> assertThat(v.pointer() + " " + v.rule()).isEqualTo("/body/challengeId new-challenge"));
    }

    @Test
    @DisplayName("5.2: agreed at the manager stage meets that stage's clock and records the resolution")
    void should_record_the_resolution_at_the_stage_reached() {
        FactsInMemory facts = challengeAt("manager", null);
        ObjectNode agreed = response("agreed", COUNCIL);

        assertThat(rules.route(envelope(agreed), facts).recipients()).containsExactly(SCHOOL);
        assertThat(rules.accepted(envelope(agreed), AT, facts)).containsExactly(
                new Effect.StopClocks("challenge-manager", CASE, ID, null),
                new Effect.ResolveChallenge(CASE, ID, "manager", "agreed"));
    }

    @Test
    @DisplayName("5.2: stepped up by the challenger at the senior manager stage goes to the board, whose clock starts")
    void should_step_up_to_the_next_stage_and_tell_the_board_at_the_board_stage() {
        FactsInMemory facts = challengeAt("senior-manager", null);
        ObjectNode steppedUp = response("stepped-up", SCHOOL);

        assertThat(rules.route(envelope(steppedUp), facts).recipients()).containsExactly(COUNCIL, BOARD);
        assertThat(rules.accepted(envelope(steppedUp), AT, facts)).containsExactly(
                new Effect.StopClocks("challenge-senior-manager", CASE, ID, null),
                new Effect.ChallengeStage(CASE, ID, "senior-manager", "board"),
                new Effect.StartClock("challenge-board", CASE, ID, COUNCIL, SCHOOL, AT));
    }

    @Test
    @DisplayName("5.2: a response to no challenge, from a third agency, to a resolved one, or above the board is refused")
    void should_refuse_what_no_open_challenge_can_take() {
        assertThat(rules.route(envelope(response("agreed", COUNCIL)), new FactsInMemory()).violations())
                .singleElement().satisfies(v -> assertThat(v.rule()).isEqualTo("known-challenge"));
        ObjectNode fromPolice = response("resolved", POLICE);
        assertThat(rules.route(envelope(fromPolice), challengeAt("manager", null)).violations())
                .singleElement().satisfies(v -> assertThat(v.pointer() + " " + v.rule())
                        .isEqualTo("/sender challenge-party"));
        assertThat(rules.route(envelope(response("stepped-up", SCHOOL)), challengeAt("manager", "resolved"))
                .violations()).singleElement().satisfies(v -> assertThat(v.rule()).isEqualTo("challenge-open"));
        assertThat(rules.route(envelope(response("stepped-up", SCHOOL)), challengeAt("board", null)).violations())
                .singleElement().satisfies(v -> assertThat(v.pointer() + " " + v.rule())
                        .isEqualTo("/body/response no-stage-above"));
    }

    @Test
    @DisplayName("5.2: the stages climb practitioner, manager, senior manager, board, each with its own clock")
    void should_climb_the_four_stages_in_order() {
        assertThat(ChallengeStage.ofClock("challenge-practitioner").flatMap(ChallengeStage::next))
                .contains(ChallengeStage.MANAGER);
        assertThat(ChallengeStage.MANAGER.next()).contains(ChallengeStage.SENIOR_MANAGER);
        assertThat(ChallengeStage.SENIOR_MANAGER.next().map(ChallengeStage::clock)).contains("challenge-board");
        assertThat(ChallengeStage.BOARD.next()).isEmpty();
        assertThat(ChallengeStage.ofClock("core-group")).isEmpty();
    }
}

package wales.safeguarding.hub.challenge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.hub.escalation.Escalator;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Issue 15 item 2, through the public API (recommendation 5.2): a school challenges children's services' decision;
 * the practitioner stage's clock runs out and the hub steps the challenge up to the managers of both agencies on its
 * own; the council's answer records the resolution at the manager stage; the board report counts it.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProfessionalChallengeFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String SCHOOL = AgencyStubs.SCHOOL;
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @Inject
    Escalator escalator;

    private CaseMessages journey;

    @BeforeEach
    void a_case_the_hub_knows() {
        agencies.reset();
        journey = new CaseMessages();
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        HubApi.send(COUNCIL, journey.of("conference-invitation")).statusCode(202);
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    private ObjectNode challenge(String challengeId) {
        ObjectNode challenge = CaseMessages.naming(journey.of("professional-challenge"));
        challenge.with("body").put("challengeId", challengeId);
        return challenge;
    }

    private ObjectNode response(String challengeId, String response, String sender) {
        ObjectNode answer = CaseMessages.naming(journey.of("challenge-response"));
        answer.put("sender", sender);
        answer.with("body").put("challengeId", challengeId).put("response", response);
        return answer;
    }

    @Test
    @DisplayName("5.2: unanswered at the practitioner stage, the hub steps the challenge up; agreed at the manager stage")
    void should_step_the_challenge_up_when_the_stage_clock_runs_out_and_record_the_resolution() throws Exception {
        ObjectNode challenge = challenge("CH-1");
        String challengeId = Messages.id(challenge);
        HubApi.send(SCHOOL, challenge).statusCode(202).body("recipients", containsInAnyOrder(COUNCIL));
        JsonNode received = await().atMost(WAIT).until(() -> agencies.received(COUNCIL, challengeId), r -> r != null);
        assertThat(received.at("/body/outcomeSought").asText()).contains("strategy discussion");

        JsonPath tracked = HubApi.track(SCHOOL, challengeId).statusCode(200).extract().jsonPath();
        assertThat(tracked.getString("clocks.find { it.clock == 'challenge-practitioner' }.owedBy")).isEqualTo(COUNCIL);
        Instant due = Instant.parse(tracked.getString("clocks.find { it.clock == 'challenge-practitioner' }.dueAt"));

        clock.set(due.minusSeconds(1));
        escalator.fireDue();
        assertThat(agencies.escalationsMissing(COUNCIL, journey.caseReference(), "challenge-response")).isZero();
        clock.set(due.plusSeconds(1));
        escalator.fireDue();
        // the step-up notice goes to both agencies, addressed to the school's designated safeguarding person
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(agencies.escalationsMissing(COUNCIL, journey.caseReference(), "challenge-response")).isEqualTo(1);
            assertThat(agencies.escalationsMissing(SCHOOL, journey.caseReference(), "challenge-response")).isEqualTo(1);
        });
        var notices = agencies.of(COUNCIL).findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", WireMock.equalTo("escalation"))
                .withRequestBody(WireMock.matchingJsonPath("$.body.step", WireMock.equalTo("step-up"))));
        // (the conference's own clocks ran out too: their reminders are not counted here)
        assertThat(notices).hasSize(1);
        JsonNode stepUp = CanonicalJson.mapper().readTree(notices.get(0).getBodyAsString());
        assertThat(stepUp.at("/body/step").asText()).isEqualTo("step-up");
        assertThat(stepUp.at("/body/addressees").toString())
                .contains("{\"agencyId\":\"" + SCHOOL + "\",\"role\":\"designated-safeguarding-person\"");
        assertThat(stepUp.at("/body/notices/1/subject").asText()).contains("goes to the manager stage");
        JsonPath after = HubApi.track(SCHOOL, challengeId).statusCode(200).extract().jsonPath();
        assertThat(after.getString("clocks.find { it.clock == 'challenge-practitioner' }.metAt")).isNotNull();
        assertThat(after.getString("clocks.find { it.clock == 'challenge-manager' }.owedBy")).isEqualTo(COUNCIL);
        assertThat(after.getString("clocks.find { it.clock == 'challenge-manager' }.metAt")).isNull();

        // a second sweep does not step it up again
        escalator.fireDue();
        assertThat(agencies.escalationsMissing(SCHOOL, journey.caseReference(), "challenge-response")).isEqualTo(1);

        ObjectNode agreed = response("CH-1", "agreed", COUNCIL);
        String agreedId = Messages.id(agreed);
        HubApi.send(COUNCIL, agreed).statusCode(202).body("recipients", containsInAnyOrder(SCHOOL));
        await().atMost(WAIT).until(() -> agencies.received(SCHOOL, agreedId), r -> r != null);
        assertThat(HubApi.track(SCHOOL, challengeId).statusCode(200).extract().jsonPath()
                .getString("clocks.find { it.clock == 'challenge-manager' }.metAt")).isNotNull();
        // answered already: a second answer is refused
        HubApi.send(SCHOOL, response("CH-1", "stepped-up", SCHOOL)).statusCode(422)
                .body("violations[0].rule", equalTo("challenge-open"));

        // the board report by agency: the school raised one, resolved at the manager stage; the council received it
        String today = "2026-12-01";
        JsonPath report = given().header("Authorization", Tokens.forBoardViewer("board-viewer-user",
                        wales.safeguarding.hub.support.AgencyStubs.MID_AND_WEST_WALES_BOARD))
                .queryParam("groupBy", "agency").queryParam("from", today).queryParam("to", today)
                .get("/api/v1/console/reports").then().statusCode(200).extract().jsonPath();
        Map<String, Object> school = report.getMap("rows.find { it.group == '" + SCHOOL + "' }");
        assertThat(school).containsEntry("challengesRaised", 1).containsEntry("challengesResolved", 1)
                .containsEntry("challengesResolvedAt", Map.of("manager", 1));
        assertThat(report.getInt("rows.find { it.group == '" + COUNCIL + "' }.challengesReceived")).isEqualTo(1);
    }

    @Test
    @DisplayName("5.2: stepped up by the school it goes to the manager stage; a third agency cannot answer; refusals")
    void should_step_up_on_a_partys_answer_and_refuse_what_does_not_fit() {
        // raised the next day, outside the report the other test reads
        clock.set(Instant.parse("2026-12-02T09:00:00Z"));
        ObjectNode challenge = challenge("CH-2");
        String challengeId = Messages.id(challenge);
        HubApi.send(SCHOOL, challenge).statusCode(202);

        HubApi.send(POLICE, response("CH-2", "resolved", POLICE)).statusCode(422)
                .body("violations[0].pointer", equalTo("/sender"))
                .body("violations[0].rule", equalTo("challenge-party"));
        HubApi.send(SCHOOL, response("CH-9", "resolved", SCHOOL)).statusCode(422)
                .body("violations[0].rule", equalTo("known-challenge"));
        HubApi.send(SCHOOL, challenge("CH-2")).statusCode(422).body("violations[0].rule", equalTo("new-challenge"));
        ObjectNode itself = challenge("CH-3");
        itself.with("body").put("challenged", SCHOOL);
        HubApi.send(SCHOOL, itself).statusCode(422).body("violations[0].rule", equalTo("not-self"));

        HubApi.send(SCHOOL, response("CH-2", "stepped-up", SCHOOL)).statusCode(202)
                .body("recipients", containsInAnyOrder(COUNCIL));
        JsonPath tracked = HubApi.track(SCHOOL, challengeId).statusCode(200).extract().jsonPath();
        assertThat(tracked.getString("clocks.find { it.clock == 'challenge-practitioner' }.metAt")).isNotNull();
    }
}

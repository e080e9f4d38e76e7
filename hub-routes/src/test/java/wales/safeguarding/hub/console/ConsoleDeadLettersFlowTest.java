package wales.safeguarding.hub.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.spi.HubHeaders;

/** Operators find dead letters by agency, type and reason, and replay chosen ones or all that match, each audited. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleDeadLettersFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String LIST = Console.API + "/dead-letters";
    private static final String REPLAY = Console.API + "/dead-letters/replay";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
    }

    @Test
    void should_list_a_refused_delivery_and_replay_it_with_a_warning_the_second_time() {
        String id = deadLetter("no such child reference, ticket " + UUID.randomUUID());

        JsonPath list = Console.as("operator").queryParam("agency", COUNCIL).queryParam("type", "duty-to-report")
                .queryParam("reason", "NO SUCH CHILD").get(LIST).then().statusCode(200).extract().jsonPath();
        String item = "find { it.messageId == '" + id + "' }";
        assertThat(list.getString(item + ".recipient")).isEqualTo(COUNCIL);
        assertThat(list.getString(item + ".type")).isEqualTo("duty-to-report");
        assertThat(list.getString(item + ".reason")).contains("HTTP 422");
        assertThat(list.getInt(item + ".attempts")).isPositive();
        assertThat(list.getInt(item + ".replays")).isZero();
        assertThat(list.getBoolean(item + ".alreadyReplayed")).isFalse();
        assertThat(list.getString(item + ".deadLetteredAt")).isNotBlank();
        Console.as("operator").queryParam("agency", AgencyStubs.SCHOOL).get(LIST).then().statusCode(200)
                .body("findAll { it.messageId == '" + id + "' }.size()", equalTo(0));

        String items = "{\"reason\":\"council fixed their schema\",\"items\":[{\"messageId\":\"" + id
                + "\",\"recipient\":\"" + COUNCIL + "\"}]}";
        Console.asUser("olwen", "operator").contentType("application/json").body(items).post(REPLAY).then()
                .statusCode(200).body("[0].result", equalTo("replayed")).body("[0].replay", equalTo(1))
                .body("[0].warning", org.hamcrest.Matchers.nullValue());
        await().atMost(WAIT).until(() -> "dead-lettered".equals(HubApi.state(POLICE, id, COUNCIL)));

        Console.as("operator").get(LIST).then().body(item + ".alreadyReplayed", equalTo(true))
                .body(item + ".replays", equalTo(1));
        Console.asUser("olwen", "operator").contentType("application/json").body(items).post(REPLAY).then()
                .statusCode(200).body("[0].result", equalTo("replayed")).body("[0].replay", equalTo(2))
                .body("[0].warning", org.hamcrest.Matchers.containsString("already been replayed 1 time"));

        JsonPath trail = Console.as("auditor").queryParam("message", id).get(Console.API + "/audit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(trail.getList("action", String.class)).containsExactly("replay", "replay");
        assertThat(trail.getList("actor", String.class)).containsExactly("olwen", "olwen");
        assertThat(trail.getList("reason", String.class)).containsOnly("council fixed their schema");
        assertThat(trail.getList("detail", String.class)).containsExactly("replay 2", "replay 1");
        assertThat(trail.getList("recipient", String.class)).containsOnly(COUNCIL);
        assertThat(HubApi.track(POLICE, id).extract().jsonPath()
                .getList("history.findAll { it.event == 'replayed' }.actor", String.class)).containsExactly("olwen", "olwen");
    }

    @Test
    void should_replay_every_dead_letter_that_matches_a_filter_and_say_why_one_could_not_be() {
        String first = deadLetter("filter test " + UUID.randomUUID());
        String second = deadLetter("filter test " + UUID.randomUUID());
        agencies.reset();

        JsonPath outcome = Console.as("operator").contentType("application/json")
                .body("{\"reason\":\"council system back after outage\",\"filter\":{\"agency\":\"" + COUNCIL
                        + "\",\"type\":\"duty-to-report\"}}")
                .post(REPLAY).then().statusCode(200).extract().jsonPath();
        assertThat(outcome.getList("messageId", String.class)).contains(first, second);
        assertThat(outcome.getList("result", String.class)).containsOnly("replayed");
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, first, COUNCIL))
                && "delivered".equals(HubApi.state(POLICE, second, COUNCIL)));

        Console.as("operator").contentType("application/json").body("{\"reason\":\"try it once more\",\"items\":[{"
                + "\"messageId\":\"" + first + "\",\"recipient\":\"" + COUNCIL + "\"}]}").post(REPLAY).then()
                .statusCode(200).body("[0].result", equalTo("not-dead-lettered"));
    }

    @Test
    void should_refuse_a_replay_without_a_reason_or_without_items_or_filter() {
        Console.as("operator").contentType("application/json").body("{\"items\":[]}").post(REPLAY).then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].pointer", equalTo("/reason"));
        Console.as("operator").contentType("application/json").body("{\"reason\":\"a good long reason\"}").post(REPLAY)
                .then().statusCode(400).body("violations[0].pointer", equalTo("/items"));
        Console.as("operator").contentType("application/json")
                .body("{\"reason\":\"a good long reason\",\"items\":[{\"recipient\":\"x\"}]}").post(REPLAY)
                .then().statusCode(400).body("violations[0].pointer", equalTo("/items/0/messageId"));
    }

    /** A duty-to-report the council's system refuses with {@code detail}: dead-lettered at once. */
    private String deadLetter(String detail) {
        var report = wales.safeguarding.hub.support.Messages.dutyToReport();
        String id = wales.safeguarding.hub.support.Messages.id(report);
        agencies.of(COUNCIL).stubFor(post(urlEqualTo("/hub/messages")).atPriority(1)
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Unprocessable\",\"detail\":\"" + detail + "\"}")));
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> "dead-lettered".equals(HubApi.state(POLICE, id, COUNCIL)));
        return id;
    }
}

package wales.safeguarding.hub.endpoints;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import wales.safeguarding.hub.broker.QueueDepths;
import wales.safeguarding.hub.delivery.EndpointHealthStore;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.spi.HubHeaders;

/**
 * Operators see each agency endpoint's health and queue depth, and pause and resume deliveries to it: while paused
 * its messages wait on its broker queue, nothing is sent, failed or dead-lettered; resumed, they are delivered.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class EndpointsFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String ENDPOINTS = "/api/v1/console/endpoints";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    DataSource dataSource;

    @Inject
    EndpointHealthStore store;

    @Inject
    EndpointPauses pauses;

    @Inject
    QueueDepths depths;

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
    }

    @AfterEach
    void nothing_stays_paused() {
        change("resume", COUNCIL, "{\"reason\":\"end of test\"}").statusCode(200);
    }

    @Test
    void should_list_every_endpoint_with_its_health_and_queue_depth() {
        ObjectNode report = Messages.dutyToReport();
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, Messages.id(report), COUNCIL)));

        JsonPath all = given().header("Authorization", Tokens.operator("olwen")).get(ENDPOINTS).then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getList("agency", String.class)).contains(COUNCIL, AgencyStubs.GP, AgencyStubs.SCHOOL,
                AgencyStubs.CARDIFF);
        String council = "find { it.agency == '" + COUNCIL + "' }";
        assertThat(all.getString(council + ".kind")).isEqualTo("council");
        assertThat(all.getString(council + ".transport")).isEqualTo("rest-json");
        assertThat(all.getString(council + ".name")).isNotBlank();
        assertThat(all.getString(council + ".lastSuccessAt")).isNotNull();
        assertThat(all.getInt(council + ".consecutiveFailures")).isZero();
        assertThat(all.getBoolean(council + ".paused")).isFalse();
        assertThat(all.getLong(council + ".queueDepth")).isGreaterThanOrEqualTo(0);
        assertThat(all.getMap(council)).containsOnlyKeys("agency", "name", "nameCy", "kind", "transport", "lastSuccessAt",
                "lastFailureAt", "lastFailureReason", "consecutiveFailures", "retrying", "paused", "queueDepth");
    }

    @Test
    void should_hold_messages_on_the_queue_while_paused_and_deliver_them_when_resumed() throws Exception {
        change("pause", COUNCIL, "{\"reason\":\"council system maintenance, change 7781\"}").statusCode(200)
                .body("paused", equalTo(true));
        assertThat(pauses.delivering(COUNCIL)).isFalse();

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode report = Messages.dutyToReport();
            ids.add(Messages.id(report));
            HubApi.send(POLICE, report).statusCode(202);
        }
        await().atMost(WAIT).until(() -> endpoint(COUNCIL).getLong("queueDepth") >= 3);
        assertThat(depths.managementCount("hub.deliver." + COUNCIL)).as("read from the broker's management address")
                .isGreaterThanOrEqualTo(3);
        for (String id : ids) {
            assertThat(HubApi.state(POLICE, id, COUNCIL)).isEqualTo("queued");
            agencies.of(COUNCIL).verify(exactly(0), postRequestedFor(urlEqualTo("/hub/messages"))
                    .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id)));
        }
        Database db = new Database(dataSource);
        assertThat(db.count("select count(*) from delivery where recipient = ? and state = 'dead-lettered'"
                + " and message_id in (?::uuid, ?::uuid, ?::uuid)", COUNCIL, ids.get(0), ids.get(1), ids.get(2))).isZero();

        change("resume", COUNCIL, "{\"reason\":\"maintenance over\"}").statusCode(200).body("paused", equalTo(false));
        for (String id : ids) {
            await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, COUNCIL)));
            agencies.of(COUNCIL).verify(exactly(1), postRequestedFor(urlEqualTo("/hub/messages"))
                    .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id)));
        }
        assertThat(db.count("select count(*) from endpoint_event where agency = ? and event = 'paused' and actor = 'olwen'"
                + " and reason = 'council system maintenance, change 7781'", COUNCIL)).isEqualTo(1);
        assertThat(db.count("select count(*) from endpoint_event where agency = ? and event = 'resumed'"
                + " and reason = 'maintenance over'", COUNCIL)).isEqualTo(1);
        // and in the console's audit trail, beside body reads, replays and directory edits
        given().header("Authorization", Tokens.forRole("awen", "auditor")).get("/api/v1/console/audit?actor=olwen")
                .then().statusCode(200)
                .body("findAll { it.action == 'endpoint-pause' && it.target == '" + COUNCIL + "' }.reason",
                        org.hamcrest.Matchers.hasItem("council system maintenance, change 7781"))
                .body("findAll { it.action == 'endpoint-resume' && it.target == '" + COUNCIL + "' }.reason",
                        org.hamcrest.Matchers.hasItem("maintenance over"));
    }

    @Test
    void should_apply_a_pause_made_on_another_instance_at_the_next_delivery_scan() throws Exception {
        // another hub instance's operator paused it: only the database knows
        store.setPaused(COUNCIL, true, "olwen", "held at the council's request", java.time.Instant.now());
        await().atMost(WAIT).until(() -> !pauses.delivering(COUNCIL));
        ObjectNode report = Messages.dutyToReport();
        String id = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> endpoint(COUNCIL).getLong("queueDepth") >= 1);
        assertThat(HubApi.state(POLICE, id, COUNCIL)).isEqualTo("queued");
        assertThat(endpoint(COUNCIL).getBoolean("paused")).isTrue();

        store.setPaused(COUNCIL, false, "olwen", "resumed elsewhere", java.time.Instant.now());
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, COUNCIL)));
    }

    @Test
    void should_refuse_a_pause_without_a_reason_or_for_an_unknown_agency() {
        change("pause", COUNCIL, "{}").statusCode(422).body("violations[0].pointer", equalTo("/reason"));
        change("pause", "no-such-agency", "{\"reason\":\"x\"}").statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        change("resume", "no-such-agency", "{\"reason\":\"x\"}").statusCode(404);
        assertThat(endpoint(COUNCIL).getBoolean("paused")).isFalse();
    }

    @Test
    void should_let_operators_and_admins_read_and_only_operators_pause_or_resume() {
        given().header("Authorization", Tokens.operator("olwen")).get(ENDPOINTS).then().statusCode(200);
        given().header("Authorization", Tokens.forRole("alun", "admin")).get(ENDPOINTS).then().statusCode(200);
        given().header("Authorization", Tokens.forRole("awen", "auditor")).get(ENDPOINTS).then().statusCode(403);
        given().header("Authorization", Tokens.bearer(POLICE)).get(ENDPOINTS).then().statusCode(403);
        given().get(ENDPOINTS).then().statusCode(401);

        for (String action : List.of("pause", "resume")) {
            String path = ENDPOINTS + "/" + COUNCIL + "/" + action;
            String body = "{\"reason\":\"role check\"}";
            for (String token : List.of(Tokens.forRole("alun", "admin"), Tokens.forRole("awen", "auditor"), Tokens.bearer(POLICE))) {
                given().header("Authorization", token).contentType("application/json").body(body).post(path).then()
                        .statusCode(403);
            }
            given().contentType("application/json").body(body).post(path).then().statusCode(401);
            given().header("Authorization", Tokens.operator("olwen")).contentType("application/json").body(body)
                    .post(path).then().statusCode(200);
        }
    }

    private static ValidatableResponse change(String action, String agency, String body) {
        return given().header("Authorization", Tokens.operator("olwen")).contentType("application/json").body(body)
                .post(ENDPOINTS + "/" + agency + "/" + action).then();
    }

    private static JsonPath endpoint(String agency) {
        return given().header("Authorization", Tokens.operator("olwen")).get(ENDPOINTS).then().statusCode(200)
                .extract().jsonPath().setRootPath("find { it.agency == '" + agency + "' }");
    }
}

package wales.safeguarding.hub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.spi.HubHeaders;

/**
 * Agency systems fail: transient failures are retried by the broker with back-off until the system answers;
 * refusals and exhausted retries go to the dead-letter queue with the reason, and the state says so.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DeliveryFailureFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String INBOX = "/hub/messages";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    ConnectionFactory connectionFactory;

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
    }

    @Test
    void should_deliver_once_after_retries_when_the_council_system_is_down_then_up() {
        agencies.stop(COUNCIL);
        ObjectNode report = Messages.dutyToReport();
        String id = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);

        await().atMost(WAIT).until(() -> {
            JsonPath t = track(id);
            return t.getInt("recipients[0].attempts") >= 2 && "failed".equals(t.getString("recipients[0].state"));
        });
        // Refused, or (on a pooled connection to the stopped system) no response: either way a transient failure.
        assertThat(track(id).getString("recipients[0].lastError")).containsAnyOf("Connect", "failed to respond");

        agencies.start(COUNCIL);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, COUNCIL)));
        agencies.of(COUNCIL).verify(exactly(1), postRequestedFor(urlEqualTo(INBOX))
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id)));
        List<String> states = track(id).getList("history.findAll { it.event == 'state-changed' }.toState");
        assertThat(states).containsExactly("accepted", "queued", "failed", "delivered");
    }

    @Test
    void should_retry_a_server_error_and_deliver_when_the_council_system_recovers() {
        ObjectNode report = Messages.dutyToReport();
        String id = Messages.id(report);
        var council = agencies.of(COUNCIL);
        council.stubFor(forThis(id).inScenario("recovering").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
        council.stubFor(forThis(id).inScenario("recovering").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        council.stubFor(forThis(id).inScenario("recovering").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201)));

        HubApi.send(POLICE, report).statusCode(202);

        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, COUNCIL)));
        assertThat(track(id).getInt("recipients[0].attempts")).isEqualTo(3);
        council.verify(exactly(3), postRequestedFor(urlEqualTo(INBOX)).withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id)));
        assertThat(track(id).getList("history.findAll { it.event == 'attempt-failed' || it.toState == 'failed' }.detail",
                String.class)).anyMatch(d -> d.contains("HTTP 500"));
    }

    @Test
    void should_dead_letter_a_refused_message_with_the_agency_reason_and_not_retry_it() throws Exception {
        ObjectNode report = Messages.dutyToReport();
        String id = Messages.id(report);
        agencies.of(COUNCIL).stubFor(forThis(id).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Unprocessable\",\"detail\":\"no such child reference in our system\"}")));

        // every line written while the copy is delivered carries its message id and recipient (issue 13)
        List<String> logged = Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record instanceof org.jboss.logmanager.ExtLogRecord ext && record.getMessage() != null
                        && String.valueOf(ext.getFormattedMessage()).startsWith("dead-lettered " + id)) {
                    logged.add(ext.getMdc("messageId") + " " + ext.getMdc("recipient") + " " + ext.getMdc("messageType"));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger attempts = java.util.logging.Logger.getLogger(DeliveryAttempts.class.getName());
        attempts.addHandler(capture);
        try {
            HubApi.send(POLICE, report).statusCode(202);
            await().atMost(WAIT).until(() -> "dead-lettered".equals(HubApi.state(POLICE, id, COUNCIL)));
            await().atMost(WAIT).until(() -> !logged.isEmpty());
        } finally {
            attempts.removeHandler(capture);
        }
        assertThat(logged.get(0)).isEqualTo(id + " " + COUNCIL + " duty-to-report");
        assertThat(track(id).getString("recipients[0].lastError"))
                .isEqualTo("refused: agency system answered HTTP 422: no such child reference in our system");
        agencies.of(COUNCIL).verify(exactly(1), postRequestedFor(urlEqualTo(INBOX))
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id)));

        Message deadLetter = await().atMost(WAIT).until(() -> deadLetter(id), m -> m != null);
        assertThat(deadLetter.getStringProperty(HubHeaders.FAILURE_REASON)).contains("HTTP 422");
        assertThat(deadLetter.getStringProperty(HubHeaders.FAILED_ROUTE)).isEqualTo("delivery");
        assertThat(deadLetter.getStringProperty(HubHeaders.FAILED_ENDPOINT)).isEqualTo(agencies.url(COUNCIL));
        assertThat(deadLetter.getStringProperty(HubHeaders.RECIPIENT)).isEqualTo(COUNCIL);
        // the dead letter holds no body and not the agency's words (issue 11 finding 7): a replay makes the copy
        // again from the stored message, so the broker keeps nothing the retention purge or a key rotation must reach
        assertThat(body(deadLetter)).isEmpty();
        assertThat(deadLetter.getStringProperty(DeliveryQueues.BODY_KEY)).isNull();
        assertThat(deadLetter.getStringProperty(HubHeaders.FAILURE_REASON)).doesNotContain("no such child reference");
    }

    @Test
    void should_dead_letter_after_the_last_attempt_when_the_council_system_keeps_failing() {
        ObjectNode report = Messages.dutyToReport();
        String id = Messages.id(report);
        agencies.of(COUNCIL).stubFor(forThis(id).willReturn(aResponse().withStatus(503)));

        HubApi.send(POLICE, report).statusCode(202);

        await().atMost(WAIT).until(() -> "dead-lettered".equals(HubApi.state(POLICE, id, COUNCIL)));
        assertThat(track(id).getString("recipients[0].lastError"))
                .matches("gave up after 6 attempts in \\d+ s: agency system answered HTTP 503");
        agencies.of(COUNCIL).verify(exactly(6), postRequestedFor(urlEqualTo(INBOX))
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id)));
        assertThat(await().atMost(WAIT).until(() -> deadLetter(id), m -> m != null)).isNotNull();
    }

    @Test
    void should_replay_a_dead_letter_for_an_operator_who_says_why_and_deliver_it_once() throws Exception {
        ObjectNode report = Messages.dutyToReport();
        String id = Messages.id(report);
        var refusal = agencies.of(COUNCIL).stubFor(forThis(id).willReturn(aResponse().withStatus(400)));
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> "dead-lettered".equals(HubApi.state(POLICE, id, COUNCIL)));
        await().atMost(WAIT).until(() -> deadLetter(id), m -> m != null);

        given().header("Authorization", Tokens.operator("olwen")).get("/api/v1/operations/dead-letters").then()
                .statusCode(200).body("find { it.messageId == '" + id + "' }.reason",
                        org.hamcrest.Matchers.equalTo("refused: agency system answered HTTP 400"));
        String replayPath = "/api/v1/operations/dead-letters/" + id + "/" + COUNCIL + "/replay";
        given().header("Authorization", Tokens.operator("olwen")).contentType("application/json").body("{}")
                .post(replayPath).then().statusCode(422).body("violations[0].pointer", org.hamcrest.Matchers.equalTo("/reason"));
        given().header("Authorization", Tokens.bearer(POLICE)).contentType("application/json")
                .body("{\"reason\":\"x\"}").post(replayPath).then().statusCode(403);
        given().contentType("application/json").body("{\"reason\":\"x\"}").post(replayPath).then().statusCode(401);

        agencies.of(COUNCIL).removeStub(refusal);
        given().header("Authorization", Tokens.operator("olwen")).contentType("application/json")
                .body("{\"reason\":\"council fixed their schema, ticket 42\"}").post(replayPath).then()
                .statusCode(200).body("replay", org.hamcrest.Matchers.equalTo(1))
                .body("earlierReplay", org.hamcrest.Matchers.equalTo(false));

        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, COUNCIL)));
        agencies.of(COUNCIL).verify(exactly(2), postRequestedFor(urlEqualTo(INBOX))
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id)));
        assertThat(deadLetter(id)).as("the old copy is off the dead-letter queue").isNull();
        JsonPath history = track(id);
        assertThat(history.getList("history.findAll { it.event == 'replayed' }.actor", String.class)).containsExactly("olwen");
        assertThat(history.getList("history.findAll { it.event == 'replayed' }.detail", String.class))
                .containsExactly("replay 1: council fixed their schema, ticket 42");
        assertThat(history.getList("history.findAll { it.event == 'state-changed' }.toState", String.class))
                .containsExactly("accepted", "queued", "dead-lettered", "accepted", "queued", "delivered");

        given().header("Authorization", Tokens.operator("olwen")).contentType("application/json")
                .body("{\"reason\":\"again\"}").post(replayPath).then().statusCode(409);
    }

    @Test
    void should_dead_letter_at_once_a_copy_on_a_delivery_queue_that_names_no_message() throws Exception {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setProperty(HubHeaders.RECIPIENT, COUNCIL).setProperty("probe", "unreadable")
                    .send(context.createQueue("hub.deliver." + COUNCIL), context.createBytesMessage());
        }
        Message dead = await().atMost(WAIT).until(
                () -> deadLetterWhere(HubHeaders.FAILURE_REASON + " LIKE 'unreadable copy%'"), m -> m != null);
        assertThat(dead.getStringProperty(HubHeaders.FAILURE_REASON)).startsWith("unreadable copy");
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder forThis(String id) {
        return post(urlEqualTo(INBOX)).atPriority(1).withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id));
    }

    private static JsonPath track(String id) {
        return HubApi.track(POLICE, id).statusCode(200).extract().jsonPath();
    }

    private Message deadLetter(String id) throws Exception {
        return deadLetterWhere(HubHeaders.MESSAGE_ID + " = '" + id + "'");
    }

    private Message deadLetterWhere(String selector) throws Exception {
        try (JMSContext context = connectionFactory.createContext()) {
            Queue queue = context.createQueue("hub.dead-letter");
            var browser = context.createBrowser(queue, selector);
            List<?> found = Collections.list(browser.getEnumeration());
            return found.isEmpty() ? null : (Message) found.get(0);
        }
    }

    private static byte[] body(Message message) throws Exception {
        BytesMessage bytes = (BytesMessage) message;
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return body;
    }
}

package wales.safeguarding.hub.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.adapters.school.WebhookSignature;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.AlertReceivers;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.InjectAlertReceivers;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * An agency system that goes down raises one alert, by e-mail and by webhook, however long the broker keeps
 * retrying and however many checks run; when it recovers, one resolution on each channel.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class EndpointAlertsFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String ALERTS = "/api/v1/console/alerts";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @InjectAlertReceivers
    AlertReceivers receivers;

    @Inject
    DataSource dataSource;

    @Inject
    AlertChecker checker;

    @BeforeEach
    void council_healthy_and_nothing_left_to_tell() throws Exception {
        agencies.reset();
        deliverOne();
        Database db = new Database(dataSource);
        // an outage played by an earlier test is resolved and told before this one starts
        // (the council's other conditions, e.g. dead letters left by other test classes, are not this test's)
        await().atMost(WAIT).until(() -> db.count("select count(*) from operational_alert where agency = ?"
                + " and condition = 'endpoint-failing'"
                + " and (resolved_at is null or resolved_email_sent_at is null or resolved_webhook_sent_at is null)",
                COUNCIL) == 0);
        receivers.smtp().purgeEmailFromAllMailboxes();
        receivers.resetWebhook();
    }

    @Test
    void should_raise_one_alert_while_the_council_system_is_down_and_one_resolution_when_it_is_back() throws Exception {
        var down = agencies.of(COUNCIL).stubFor(post(urlEqualTo("/hub/messages")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 3; i++) {
            HubApi.send(POLICE, Messages.dutyToReport()).statusCode(202);
        }

        await().atMost(WAIT).until(() -> mails("ALERT endpoint-failing: " + COUNCIL).size() == 1
                && webhooks("alert-raised").size() == 1);
        JsonPath open = openAlerts();
        assertThat(open.getList("findAll { it.agency == '" + COUNCIL + "' }.condition", String.class))
                .containsExactly("endpoint-failing");
        assertThat(open.getInt("find { it.agency == '" + COUNCIL + "' }.details.consecutiveFailures"))
                .isGreaterThanOrEqualTo(3);
        assertThat(open.getString("find { it.agency == '" + COUNCIL + "' }.details.lastFailureReason"))
                .isEqualTo("agency system answered HTTP 503");
        // it keeps failing: more messages, more attempts retried by the broker, more checks
        long failuresAtAlert = failures();
        HubApi.send(POLICE, Messages.dutyToReport()).statusCode(202);
        await().atMost(WAIT).until(() -> failures() >= failuresAtAlert + 3);
        for (int i = 0; i < 3; i++) {
            checker.check();
        }
        assertThat(mails("endpoint-failing: " + COUNCIL)).hasSize(1);
        assertThat(webhooks("alert-raised")).hasSize(1);

        MimeMessage mail = mails("ALERT endpoint-failing: " + COUNCIL).get(0);
        String text = (String) mail.getContent();
        assertThat(text).contains("agency: " + COUNCIL, "condition: endpoint-failing",
                "lastFailureReason: agency system answered HTTP 503").doesNotContain("childReference");
        LoggedRequest hook = webhooks("alert-raised").get(0);
        assertThat(WebhookSignature.verify(AlertReceivers.WEBHOOK_SECRET, hook.getHeader(WebhookSignature.TIMESTAMP_HEADER),
                hook.getHeader(WebhookSignature.SIGNATURE_HEADER), hook.getBody(), Instant.now()).valid()).isTrue();

        agencies.of(COUNCIL).removeStub(down);
        deliverOne();

        await().atMost(WAIT).until(() -> mails("RESOLVED endpoint-failing: " + COUNCIL).size() == 1
                && webhooks("alert-resolved").size() == 1);
        for (int i = 0; i < 3; i++) {
            checker.check();
        }
        deliverOne();
        checker.check();
        assertThat(mails("ALERT endpoint-failing: " + COUNCIL)).hasSize(1);
        assertThat(mails("RESOLVED endpoint-failing: " + COUNCIL)).hasSize(1);
        assertThat(webhooks("alert-raised")).hasSize(1);
        assertThat(webhooks("alert-resolved")).hasSize(1);
        assertThat(openAlerts().getList("findAll { it.agency == '" + COUNCIL + "' }", Object.class)).isEmpty();
        JsonPath all = given().header("Authorization", Tokens.forRole("alun", "admin")).get(ALERTS).then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getString("find { it.agency == '" + COUNCIL + "' }.resolvedAt")).isNotNull();
        assertThat(all.getMap("find { it.agency == '" + COUNCIL + "' }")).containsOnlyKeys("id", "agency", "condition",
                "raisedAt", "resolvedAt", "details");
    }

    @Test
    void should_send_a_notice_again_at_the_next_check_when_the_webhook_failed() {
        receivers.webhook().stubFor(post(urlEqualTo(AlertReceivers.WEBHOOK_PATH)).atPriority(1)
                .inScenario("webhook down once").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        var down = agencies.of(COUNCIL).stubFor(post(urlEqualTo("/hub/messages")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 3; i++) {
            HubApi.send(POLICE, Messages.dutyToReport()).statusCode(202);
        }

        await().atMost(WAIT).until(() -> webhooks("alert-raised").size() == 2);
        Database db = new Database(dataSource);
        await().atMost(WAIT).until(() -> db.count("select count(*) from operational_alert where agency = ?"
                + " and condition = 'endpoint-failing' and resolved_at is null and webhook_sent_at is not null"
                + " and email_sent_at is not null", COUNCIL) == 1);
        assertThat(mails("ALERT endpoint-failing: " + COUNCIL)).hasSize(1);

        agencies.of(COUNCIL).removeStub(down);
        deliverOne();
        await().atMost(WAIT).until(() -> webhooks("alert-resolved").size() == 1
                && mails("RESOLVED endpoint-failing: " + COUNCIL).size() == 1);
        assertThat(webhooks("alert-raised")).hasSize(2);
    }

    @Test
    void should_let_operators_and_admins_read_alerts_and_no_one_else() {
        given().header("Authorization", Tokens.operator("olwen")).get(ALERTS + "?open=true").then().statusCode(200);
        given().header("Authorization", Tokens.forRole("alun", "admin")).get(ALERTS).then().statusCode(200);
        given().header("Authorization", Tokens.forRole("awen", "auditor")).get(ALERTS).then().statusCode(403);
        given().header("Authorization", Tokens.bearer(POLICE)).get(ALERTS).then().statusCode(403);
        given().get(ALERTS).then().statusCode(401);
    }

    private void deliverOne() {
        ObjectNode report = Messages.dutyToReport();
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, Messages.id(report), COUNCIL)));
    }

    private long failures() {
        return given().header("Authorization", Tokens.operator("olwen")).get("/api/v1/console/endpoints").then()
                .statusCode(200).extract().jsonPath().getLong("find { it.agency == '" + COUNCIL + "' }.consecutiveFailures");
    }

    private static JsonPath openAlerts() {
        return given().header("Authorization", Tokens.operator("olwen")).get(ALERTS + "?open=true").then()
                .statusCode(200).extract().jsonPath();
    }

    private List<MimeMessage> mails(String subject) {
        return Arrays.stream(receivers.smtp().getReceivedMessages()).filter(m -> subjectOf(m).contains(subject)).toList();
    }

    private List<LoggedRequest> webhooks(String event) {
        RequestPatternBuilder hook = postRequestedFor(urlEqualTo(AlertReceivers.WEBHOOK_PATH))
                .withRequestBody(matchingJsonPath("$.agency", equalTo(COUNCIL)))
                .withRequestBody(matchingJsonPath("$.condition", equalTo("endpoint-failing")))
                .withRequestBody(matchingJsonPath("$.event", equalTo(event)));
        return receivers.webhook().findAll(hook);
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

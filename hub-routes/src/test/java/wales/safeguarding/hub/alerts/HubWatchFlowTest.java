package wales.safeguarding.hub.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
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
 * Issue 13, "more alerts", on the running hub: a dead letter raises one alert for its agency until an operator
 * replays it; a copy waiting too long raises one; an escalation notice that did not get through, and a pull inbox
 * nobody collects (rows as the hub writes them), raise one each; clocks overdue for an escalation that does not
 * happen, and the bank-holiday data ending, raise one each for the hub.
 * Its own profile switches the watch on (the rest of the suite runs without it) with short limits.
 */
@QuarkusTest
@TestProfile(HubWatchFlowTest.Watching.class)
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class HubWatchFlowTest {

    /**
     * The watch on, a copy waiting 3 s is too long, the bank-holiday data (to 2027) is "ending" from today, and the
     * checks are the test's own.
     */
    public static class Watching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.alerts.watch.enabled", "true", "hub.alerts.oldest-waiting", "PT3S",
                    "hub.alerts.bank-holidays-warning", "P3650D", "hub.alerts.check-interval-ms", "3600000",
                    // a copy the council's system refuses with 503 keeps being retried, so it waits
                    "hub.delivery.max-attempts.default", "1000");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    DataSource dataSource;

    @Inject
    AlertChecker checker;

    private Database db;

    @BeforeEach
    void healthy() {
        agencies.reset();
        db = new Database(dataSource);
    }

    private long open(String agency, String condition) {
        return db.count("select count(*) from operational_alert where agency = ? and condition = ?"
                + " and resolved_at is null", agency, condition);
    }

    private long raised(String agency, String condition) {
        return db.count("select count(*) from operational_alert where agency = ? and condition = ?", agency, condition);
    }

    @Test
    void a_dead_letter_raises_one_alert_until_an_operator_replays_it() throws Exception {
        ObjectNode report = Messages.dutyToReport();
        String id = Messages.id(report);
        var refusal = agencies.of(COUNCIL).stubFor(post(urlEqualTo("/hub/messages")).atPriority(1)
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id)).willReturn(aResponse().withStatus(400)));
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> "dead-lettered".equals(HubApi.state(POLICE, id, COUNCIL)));

        checker.check();
        checker.check();
        assertThat(open(COUNCIL, "dead-letters")).isEqualTo(1);
        assertThat(raised(COUNCIL, "dead-letters")).isEqualTo(1);

        agencies.of(COUNCIL).removeStub(refusal);
        given().header("Authorization", Tokens.operator("olwen")).contentType("application/json")
                .body("{\"reason\":\"the council fixed its schema\"}")
                .post("/api/v1/operations/dead-letters/" + id + "/" + COUNCIL + "/replay").then().statusCode(200);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, COUNCIL)));
        checker.check();
        assertThat(open(COUNCIL, "dead-letters")).isZero();
        assertThat(raised(COUNCIL, "dead-letters")).isEqualTo(1);
    }

    @Test
    void a_copy_waiting_too_long_raises_one_alert_resolved_once_it_is_delivered() throws Exception {
        ObjectNode report = Messages.dutyToReport();
        String id = Messages.id(report);
        var down = agencies.of(COUNCIL).stubFor(post(urlEqualTo("/hub/messages")).atPriority(1)
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id)).willReturn(aResponse().withStatus(503)));
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).pollDelay(Duration.ofSeconds(4)).until(() -> {
            checker.check();
            return open(COUNCIL, "oldest-waiting") == 1;
        });
        agencies.of(COUNCIL).removeStub(down);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, COUNCIL)));
        checker.check();
        assertThat(open(COUNCIL, "oldest-waiting")).isZero();
        assertThat(raised(COUNCIL, "oldest-waiting")).isEqualTo(1);
    }

    @Test
    void an_escalation_notice_that_did_not_get_through_and_an_uncollected_inbox_raise_one_alert_each()
            throws Exception {
        UUID notice = UUID.randomUUID();
        UUID collected = UUID.randomUUID();
        String board = "board-" + notice.toString().substring(0, 8);
        String puller = "puller-" + notice.toString().substring(0, 8);
        for (UUID id : new UUID[] {notice, collected}) {
            db.update("""
                    insert into message (message_id, message_type, schema_version, sender, language, security_label,
                        created_at, accepted_at, payload_sha256, payload_key)
                    values (?, ?, '1.0', 'hub', 'en', 'OFFICIAL-SENSITIVE', now(), now() - interval '2 hours', 'k1:x',
                        'plain')""", id, id.equals(notice) ? "escalation" : "information-share");
        }
        db.update("insert into delivery (message_id, recipient, state, updated_at) values (?, ?, 'dead-lettered', now())",
                notice, board);
        db.update("insert into delivery (message_id, recipient, state, updated_at) values (?, ?, 'delivered', now())",
                collected, puller);
        db.update("""
                insert into inbox (recipient, message_id, message_type, payload, payload_key, placed_at)
                values (?, ?, 'information-share', '\\x00'::bytea, 'plain', now() - interval '9 hours')""", puller, collected);

        // a clock whose next escalation fell due two hours ago (the test's escalation scan runs hourly: stalled)
        db.update("""
                insert into statutory_clock (message_id, clock, owed_by, waiting, started_at, due_at, next_escalation_at)
                values (?, 'report-acknowledgement', ?, 'hub', now() - interval '3 days', now() - interval '2 hours',
                    now() - interval '2 hours')""", collected, puller);

        checker.check();
        assertThat(open(HubWatch.HUB, "escalations-stalled")).isEqualTo(1);
        assertThat(open(board, "escalation-failing")).isEqualTo(1);
        assertThat(open(puller, "inbox-uncollected")).isEqualTo(1);
        assertThat(open(HubWatch.HUB, "bank-holidays-ending")).isEqualTo(1);

        db.update("update inbox set acknowledged_at = now() where message_id = ?", collected);
        db.update("update delivery set state = 'delivered' where message_id = ?", notice);
        db.update("update statutory_clock set met_at = now(), next_escalation_at = null where message_id = ?", collected);
        checker.check();
        assertThat(open(HubWatch.HUB, "escalations-stalled")).isZero();
        assertThat(open(board, "escalation-failing")).isZero();
        assertThat(open(puller, "inbox-uncollected")).isZero();
        assertThat(raised(HubWatch.HUB, "bank-holidays-ending")).isEqualTo(1);
    }
}

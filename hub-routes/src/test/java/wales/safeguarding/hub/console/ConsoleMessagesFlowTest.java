package wales.safeguarding.hub.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/** The console's messages: the list and its filters, a message's lifecycle, a body read by a person, the now view. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleMessagesFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
    }

    @Test
    void should_list_a_case_newest_first_with_recipients_and_page_by_keyset_without_any_child_identifier() {
        String caseReference = "CAR-" + UUID.randomUUID();
        String first = sendReport(caseReference);
        String second = sendReport(caseReference);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, second, COUNCIL)));

        JsonPath page = Console.as("operator").queryParam("case", caseReference).get(Console.API + "/messages")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("messageId", String.class)).containsExactly(second, first);
        assertThat(page.getString("[0].type")).isEqualTo("duty-to-report");
        assertThat(page.getString("[0].sender")).isEqualTo(POLICE);
        assertThat(page.getString("[0].caseReference")).isEqualTo(caseReference);
        assertThat(page.getString("[0].recipients[0].agency")).isEqualTo(COUNCIL);
        assertThat(page.getBoolean("[0].overdue")).isFalse();
        assertThat(page.getMap("[0]")).containsOnlyKeys("messageId", "type", "sender", "recipients", "caseReference",
                "acceptedAt", "overdue");

        Console.as("auditor").queryParam("case", caseReference).queryParam("limit", 1).get(Console.API + "/messages")
                .then().statusCode(200).body("messageId", equalTo(List.of(second)));
        Console.as("auditor").queryParam("case", caseReference).queryParam("limit", 1).queryParam("before", second)
                .get(Console.API + "/messages").then().statusCode(200).body("messageId", equalTo(List.of(first)));
        Console.as("operator").queryParam("case", caseReference).queryParam("agency", COUNCIL)
                .queryParam("type", "duty-to-report").queryParam("state", "delivered").get(Console.API + "/messages")
                .then().statusCode(200).body("messageId", hasItem(second));
        Console.as("operator").queryParam("case", caseReference).queryParam("agency", AgencyStubs.SCHOOL)
                .get(Console.API + "/messages").then().statusCode(200).body("size()", equalTo(0));
        Console.as("operator").queryParam("case", caseReference).queryParam("overdue", "true")
                .get(Console.API + "/messages").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void should_refuse_a_bad_filter_naming_the_parameter() {
        Console.as("operator").queryParam("state", "lost").get(Console.API + "/messages").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].pointer", equalTo("state"));
        Console.as("operator").queryParam("limit", 0).get(Console.API + "/messages").then().statusCode(400)
                .body("violations[0].pointer", equalTo("limit"));
        Console.as("operator").queryParam("from", "yesterday").get(Console.API + "/messages").then().statusCode(400)
                .body("violations[0].pointer", equalTo("from"));
    }

    @Test
    void should_show_a_message_lifecycle_with_its_answers_and_clocks() {
        String caseReference = "CAR-" + UUID.randomUUID();
        String report = sendReport(caseReference);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, report, COUNCIL)));
        ObjectNode ack = Messages.acknowledgementOf(report);
        ack.put("caseReference", caseReference);
        HubApi.send(COUNCIL, ack).statusCode(202);

        JsonPath detail = Console.as("auditor").contentType("application/json")
                .body("{\"reason\":\"checking the acknowledgement\"}").post(Console.API + "/messages/" + report + "/lifecycle")
                .then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("recipients[0].agency")).isEqualTo(COUNCIL);
        assertThat(detail.getString("recipients[0].state")).isIn("delivered", "acknowledged");
        assertThat(detail.getInt("recipients[0].attempts")).isEqualTo(1);
        assertThat(detail.getInt("recipients[0].replays")).isZero();
        assertThat(detail.getList("events.toState", String.class)).contains("accepted", "queued", "delivered");
        assertThat(detail.getList("acknowledgements.messageId", String.class)).containsExactly(Messages.id(ack));
        assertThat(detail.getList("acknowledgements.type", String.class)).containsExactly("report-acknowledgement");
        assertThat(detail.getList("clocks.clock", String.class)).contains("report-acknowledgement", "report-outcome");
        assertThat(detail.getList("clocks.findAll { it.clock == 'report-acknowledgement' }.metAt")).doesNotContainNull();
        assertThat(detail.getList("escalations")).isEmpty();
        assertThat(detail.getMap("")).doesNotContainKeys("body", "childReference", "payload");
        // every recipient's error text is for a person who says why; the read is in the audit trail
        Console.as("operator").contentType("application/json").body("{}")
                .post(Console.API + "/messages/" + report + "/lifecycle").then().statusCode(400)
                .body("violations[0].pointer", equalTo("/reason"));
        assertThat(new Database(dataSource).count("select count(*) from console_audit where message_id = ?"
                + " and action = 'lifecycle-read' and reason = 'checking the acknowledgement'", UUID.fromString(report)))
                .isEqualTo(1);

        Console.as("operator").contentType("application/json").body("{\"reason\":\"looking for a lost one\"}")
                .post(Console.API + "/messages/" + UUID.randomUUID() + "/lifecycle").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void should_give_the_body_only_to_a_person_who_says_why_and_record_the_read() {
        String report = sendReport("CAR-" + UUID.randomUUID());
        String path = Console.API + "/messages/" + report + "/body";
        Database db = new Database(dataSource);

        Console.asUser("olwen", "auditor").contentType("application/json").body("{\"reason\":\"short\"}").post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].pointer", equalTo("/reason")).body("violations[0].rule", equalTo("min-length-10"));
        Console.asUser("olwen", "auditor").contentType("application/json").body("{}").post(path).then().statusCode(400);
        Console.as("board-viewer").contentType("application/json")
                .body("{\"reason\":\"board wants to see it\"}").post(path).then().statusCode(403);
        given().contentType("application/json").body("{\"reason\":\"nobody signed in\"}").post(path).then()
                .statusCode(401);
        assertThat(db.count("select count(*) from console_audit where message_id = ?", UUID.fromString(report))).isZero();

        Console.asUser("olwen", "auditor").contentType("application/json")
                .body("{\"reason\":\"complaint 77 from the family\"}").post(path).then().statusCode(200)
                .body("messageId", equalTo(report)).body("type", equalTo("duty-to-report"));

        assertThat(db.count("select count(*) from console_audit where message_id = ? and actor = 'olwen'"
                + " and action = 'body-read' and reason = 'complaint 77 from the family'", UUID.fromString(report)))
                .isEqualTo(1);
        Console.as("auditor").queryParam("message", report).get(Console.API + "/audit").then().statusCode(200)
                .body("[0].action", equalTo("body-read")).body("[0].actor", equalTo("olwen"))
                .body("[0].reason", equalTo("complaint 77 from the family"));
        assertThat(Console.as("operator").contentType("application/json").body("{\"reason\":\"who read the body?\"}")
                .post(Console.API + "/messages/" + report + "/lifecycle").then().extract().jsonPath()
                .getList("events.findAll { it.event == 'body-read' }.actor", String.class)).containsExactly("olwen");
    }

    @Test
    void should_show_now_the_traffic_the_queues_and_the_latency() {
        String report = sendReport("CAR-" + UUID.randomUUID());
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, report, COUNCIL)));

        JsonPath now = Console.as("operator").get(Console.API + "/now").then().statusCode(200).extract().jsonPath();
        assertThat(now.getString("at")).isNotBlank();
        List<Map<String, Object>> minutes = now.getList("perMinute");
        assertThat(minutes).hasSize(30);
        assertThat(now.getList("perMinute.accepted", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isPositive();
        assertThat(now.getList("perMinute.delivered", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isPositive();
        assertThat(now.getList("queues.agency", String.class)).contains(COUNCIL, POLICE);
        assertThat(now.getString("queues.find { it.agency == '" + COUNCIL + "' }.name")).contains("Carmarthenshire");
        assertThat(now.getLong("latency.p50Ms")).isNotNull();
        assertThat(now.getLong("latency.p99Ms")).isGreaterThanOrEqualTo(now.getLong("latency.p50Ms"));
        assertThat(now.getLong("overdue")).isGreaterThanOrEqualTo(0);
        assertThat(now.getLong("openEscalations")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void should_remember_each_user_language_and_refuse_any_but_welsh_or_english() {
        Console.asUser("gwen", "operator").get(Console.API + "/me").then().statusCode(200)
                .body("user", equalTo("gwen")).body("roles", equalTo(List.of("operator"))).body("language", equalTo("cy"));
        Console.asUser("gwen", "operator").contentType("application/json").body("{\"language\":\"en\"}")
                .put(Console.API + "/me/language").then().statusCode(200).body("language", equalTo("en"));
        Console.asUser("gwen", "operator").get(Console.API + "/me").then().body("language", equalTo("en"));
        Console.asUser("dafydd", "admin").get(Console.API + "/me").then().body("language", equalTo("cy"))
                .body("roles", equalTo(List.of("admin")));
        Console.asUser("gwen", "operator").contentType("application/json").body("{\"language\":\"fr\"}")
                .put(Console.API + "/me/language").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].pointer", equalTo("/language"));
        given().get(Console.API + "/me").then().statusCode(401);
    }

    @Test
    void should_show_one_case_across_agencies() {
        String caseReference = "CAR-" + UUID.randomUUID();
        String report = sendReport(caseReference);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, report, COUNCIL)));

        JsonPath c = Console.asUser("aled", "auditor").get(Console.API + "/cases/" + caseReference).then()
                .statusCode(200).extract().jsonPath();
        Console.asUser("aled", "auditor").queryParam("reason", "strategy meeting at ten")
                .get(Console.API + "/cases/" + caseReference).then().statusCode(200);
        Database db = new Database(dataSource);
        assertThat(db.count("select count(*) from console_audit where action = 'case-read' and actor = 'aled'"
                + " and target = ? and reason is null", caseReference)).isEqualTo(1);
        assertThat(db.count("select count(*) from console_audit where action = 'case-read' and actor = 'aled'"
                + " and target = ? and reason = 'strategy meeting at ten'", caseReference)).isEqualTo(1);
        assertThat(c.getList("messages.messageId", String.class)).containsExactly(report);
        assertThat(c.getList("entries.event", String.class)).contains("state-changed", "clock-started");
        assertThat(c.getList("entries.agency", String.class)).contains(COUNCIL);
        Console.as("operator").get(Console.API + "/cases/NO-SUCH-" + UUID.randomUUID()).then().statusCode(404);
    }

    static String sendReport(String caseReference) {
        ObjectNode report = Messages.dutyToReport();
        report.put("caseReference", caseReference);
        HubApi.send(POLICE, report).statusCode(202);
        return Messages.id(report);
    }
}

package wales.safeguarding.hub.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

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

/** A case's timeline shows each agency what it took part in, in time order. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CaseTimelineFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
    }

    @Test
    void should_show_the_report_its_delivery_the_answers_and_the_clocks_in_time_order() {
        String caseReference = "CAR-" + UUID.randomUUID();
        ObjectNode report = inCase(Messages.dutyToReport(), caseReference);
        String reportId = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, reportId, COUNCIL)));
        HubApi.send(COUNCIL, inCase(Messages.acknowledgementOf(reportId), caseReference)).statusCode(202);
        HubApi.send(COUNCIL, inCase(Messages.outcomeOf(reportId), caseReference)).statusCode(202);

        JsonPath timeline = timeline(POLICE, caseReference).statusCode(200).extract().jsonPath();

        List<Map<String, Object>> entries = timeline.getList("entries");
        assertThat(entries).extracting(e -> e.get("at").toString()).isSorted();
        List<String> reportEvents = timeline.getList("entries.findAll { it.messageId == '" + reportId + "' }.event");
        assertThat(reportEvents).containsSubsequence("accepted", "clock-started", "state-changed", "delivery-receipt",
                "state-changed", "clock-met");
        assertThat(timeline.getList("entries.findAll { it.messageId == '" + reportId + "' }.toState", String.class))
                .contains("delivered", "acknowledged", "outcome-given");
        assertThat(timeline.getList("entries.messageType", String.class))
                .contains("duty-to-report", "report-acknowledgement", "report-outcome");
        assertThat(timeline.getList("entries.findAll { it.event == 'clock-met' }.clock", String.class))
                .containsExactlyInAnyOrder("report-acknowledgement", "report-outcome", "next-actions");
    }

    @Test
    void should_show_a_council_the_case_it_took_part_in_and_nobody_else_anything() {
        String caseReference = "CAR-" + UUID.randomUUID();
        ObjectNode report = inCase(Messages.dutyToReport(), caseReference);
        HubApi.send(POLICE, report).statusCode(202);

        timeline(COUNCIL, caseReference).statusCode(200);
        timeline(AgencyStubs.SCHOOL, caseReference).statusCode(404).contentType("application/problem+json");
        timeline(AgencyStubs.CARDIFF, caseReference).statusCode(404);
        timeline(POLICE, "no-such-case").statusCode(404);
        given().get("/api/v1/cases/" + caseReference + "/timeline").then().statusCode(401);
    }

    private static ObjectNode inCase(ObjectNode message, String caseReference) {
        message.put("caseReference", caseReference);
        return message;
    }

    private static io.restassured.response.ValidatableResponse timeline(String client, String caseReference) {
        return given().header("Authorization", Tokens.bearer(client)).get("/api/v1/cases/" + caseReference + "/timeline")
                .then();
    }
}

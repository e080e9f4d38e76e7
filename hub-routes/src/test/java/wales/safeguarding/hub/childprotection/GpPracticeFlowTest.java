package wales.safeguarding.hub.childprotection;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * What reaches a GP practice, through the public API (issue 10): a message the practice's system could not be sent is
 * refused at intake, naming the practice, the field and the rule, and nothing is stored (defect 10); the practice is
 * asked for its written report for every conference, in its canonical copy and in the FHIR Task (defect 9).
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class GpPracticeFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String FHIR_GP = AgencyStubs.FHIR_GP;
    private static final String GP = AgencyStubs.GP;
    private static final String PROCESS_MESSAGE = "/fhir/$process-message";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    DataSource dataSource;

    private Database database;
    private CaseMessages journey;

    @BeforeEach
    void a_new_case() {
        agencies.reset();
        database = new Database(dataSource);
        journey = new CaseMessages();
    }

    @Test
    @DisplayName("issue 10 defect 10: a register change a FHIR practice cannot file is refused at intake, nothing stored")
    void should_refuse_a_register_change_without_the_nhs_number_for_a_fhir_practice_and_accept_it_with_one() {
        ObjectNode change = registerChangeForAChildAtTheFhirPractice();
        ObjectNode child = (ObjectNode) change.with("body").get("child");
        String nhsNumber = child.remove("nhsNumber").asText();
        String id = Messages.id(change);

        HubApi.send(COUNCIL, change).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://hub.safeguarding.wales/problems/unsendable"))
                .body("violations.size()", equalTo(1))
                .body("violations[0].pointer", equalTo("/body/child/nhsNumber"))
                .body("violations[0].rule", equalTo("gp-needs-nhs-number"))
                .body("violations[0].message", org.hamcrest.Matchers.startsWith("for " + FHIR_GP + " (fhir-r4): "));

        HubApi.track(COUNCIL, id).statusCode(404);
        UUID messageId = UUID.fromString(id);
        assertThat(database.count("select count(*) from message where message_id = ?", messageId)).isZero();
        assertThat(database.count("select count(*) from delivery where message_id = ?", messageId)).isZero();
        assertThat(database.count("select count(*) from audit_event where message_id = ?", messageId)).isZero();
        for (String agency : AgencyStubs.ALL) {
            agencies.of(agency).verify(0, anyRequestedFor(anyUrl())
                    .withHeader("X-Hub-Message-Id", WireMock.equalTo(id)));
        }

        // The same message with the NHS number: nothing of the refusal stands in its way, not even its id.
        child.put("nhsNumber", nhsNumber);
        HubApi.send(COUNCIL, change).statusCode(202).body("recipients", hasItem(FHIR_GP));
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(COUNCIL, id, FHIR_GP)));
        JsonNode bundle = onlyBundle(id);
        assertThat(resourceTypes(bundle)).contains("Flag", "Patient");
    }

    @Test
    @DisplayName("issue 10 defect 9: the FHIR practice receives the report Task when the council requested no report")
    void should_send_the_fhir_practice_the_report_task_when_the_council_requested_none() {
        ObjectNode invitation = CaseMessages.naming(CaseMessages.inviting(journey.of("conference-invitation"),
                AgencyStubs.DYFED_POWYS_POLICE), AgencyStubs.DYFED_POWYS_POLICE);
        ((ObjectNode) invitation.with("body").withArray("children").get(0)).with("gpPractice").put("odsCode", "Z99002");
        invitation.with("body").with("writtenReport").put("requested", false).remove("dueBy");
        String id = Messages.id(invitation);

        HubApi.send(COUNCIL, invitation).statusCode(202).body("recipients", hasItem(FHIR_GP));

        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(COUNCIL, id, FHIR_GP)));
        JsonNode bundle = onlyBundle(id);
        JsonNode task = resource(bundle, "Task");
        assertThat(task.at("/code/coding/0/code").asText()).isEqualTo("written-report");
        // due when the hub tracks the GP's report to: the end of Friday 20 June 2025, two working days before
        // the conference on Tuesday 24 June
        assertThat(task.at("/executionPeriod/end").asText()).isEqualTo("2025-06-21T00:00:00+01:00");
        assertThat(resource(bundle, "Communication").at("/payload/0/contentString").asText())
                .contains("Written report: please send your written report by the end of Friday 20 June 2025")
                .doesNotContain("not requested");
        assertThat(HubApi.track(COUNCIL, id).statusCode(200).extract().jsonPath()
                .getString("clocks.find { it.clock == 'written-report' && it.owedBy == '" + FHIR_GP + "' }.dueAt"))
                .isEqualTo("2025-06-20T23:00:00Z");
    }

    @Test
    @DisplayName("issue 10 defect 9: the GP's canonical copy asks for the report when the council requested none")
    void should_ask_the_gp_for_the_report_in_its_canonical_copy_by_the_time_the_hub_tracks_it_to() {
        ObjectNode invitation = CaseMessages.naming(CaseMessages.inviting(journey.of("conference-invitation"),
                AgencyStubs.DYFED_POWYS_POLICE, GP), AgencyStubs.DYFED_POWYS_POLICE, GP);
        invitation.with("body").with("writtenReport").put("requested", false).remove("dueBy");
        String id = Messages.id(invitation);

        HubApi.send(COUNCIL, invitation).statusCode(202);

        JsonNode gpCopy = received(GP, id);
        assertThat(gpCopy.at("/body/writtenReport/requested").asBoolean()).isTrue();
        assertThat(gpCopy.at("/body/writtenReport/dueBy").asText()).isEqualTo("2025-06-21T00:00:00+01:00");
        // the police were not asked: the council's request stands for them
        assertThat(received(AgencyStubs.DYFED_POWYS_POLICE, id).at("/body/writtenReport/requested").asBoolean()).isFalse();
    }

    private ObjectNode registerChangeForAChildAtTheFhirPractice() {
        ObjectNode change = CaseMessages.naming(journey.of("register-change"));
        ((ObjectNode) change.with("body").get("child")).with("gpPractice").put("odsCode", "Z99002");
        return change;
    }

    private JsonNode onlyBundle(String messageId) {
        var requests = agencies.of(FHIR_GP).findAll(postRequestedFor(urlEqualTo(PROCESS_MESSAGE))
                .withHeader("X-Hub-Message-Id", WireMock.equalTo(messageId)));
        assertThat(requests).hasSize(1);
        return read(requests.get(0).getBody());
    }

    private JsonNode received(String agency, String messageId) {
        var pattern = postRequestedFor(urlEqualTo("/hub/messages")).withHeader("X-Hub-Message-Id", WireMock.equalTo(messageId));
        await().atMost(WAIT).untilAsserted(() -> agencies.of(agency).verify(exactly(1), pattern));
        return read(agencies.of(agency).findAll(pattern).get(0).getBody());
    }

    private static JsonNode resource(JsonNode bundle, String type) {
        List<JsonNode> found = new ArrayList<>();
        bundle.get("entry").forEach(e -> {
            if (type.equals(e.at("/resource/resourceType").asText())) {
                found.add(e.get("resource"));
            }
        });
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static List<String> resourceTypes(JsonNode bundle) {
        List<String> types = new ArrayList<>();
        bundle.get("entry").forEach(e -> types.add(e.at("/resource/resourceType").asText()));
        return types;
    }

    private static JsonNode read(byte[] body) {
        try {
            return CanonicalJson.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package wales.safeguarding.hub.childprotection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * A GP practice whose system speaks HL7 FHIR R4 receives the conference invitation the hub added it to as a FHIR
 * message (an Appointment, the letter, and a Task asking for the written report), validated before it is sent; the
 * practice's response code decides the delivery.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class GpFhirFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String FHIR_GP = AgencyStubs.FHIR_GP;
    private static final String PROCESS_MESSAGE = "/fhir/$process-message";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
    }

    @Test
    void should_send_the_invitation_to_a_fhir_practice_as_a_valid_fhir_message_and_count_ok_as_delivered() {
        answer("ok");
        ObjectNode invitation = invitationForAChildAtTheFhirPractice();
        String id = Messages.id(invitation);

        HubApi.send(COUNCIL, invitation).statusCode(202)
                .body("recipients", org.hamcrest.Matchers.hasItem(FHIR_GP));

        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(COUNCIL, id, FHIR_GP)));
        var requests = agencies.of(FHIR_GP).findAll(postRequestedFor(urlEqualTo(PROCESS_MESSAGE)));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Content-Type")).startsWith("application/fhir+json");
        JsonNode bundle = read(requests.get(0).getBody());
        assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.get("type").asText()).isEqualTo("message");
        assertThat(bundle.at("/entry/0/resource/resourceType").asText()).isEqualTo("MessageHeader");
        assertThat(bundle.at("/entry/0/resource/eventCoding/code").asText()).isEqualTo("conference-invitation");
        assertThat(resourceTypes(bundle)).contains("Appointment", "Communication", "Task");
    }

    @Test
    void should_dead_letter_an_invitation_the_practice_answers_with_fatal_error() {
        answer("fatal-error");
        ObjectNode invitation = invitationForAChildAtTheFhirPractice();
        String id = Messages.id(invitation);

        HubApi.send(COUNCIL, invitation).statusCode(202);

        await().atMost(WAIT).until(() -> "dead-lettered".equals(HubApi.state(COUNCIL, id, FHIR_GP)));
        agencies.of(FHIR_GP).verify(exactly(1), postRequestedFor(urlEqualTo(PROCESS_MESSAGE)));
    }

    @Test
    void should_take_the_practices_acknowledgement_and_its_written_report_over_fhir() throws Exception {
        answer("ok");
        CaseMessages journey = new CaseMessages();
        ObjectNode invitation = CaseMessages.naming(CaseMessages.inviting(journey.of("conference-invitation"),
                AgencyStubs.DYFED_POWYS_POLICE), AgencyStubs.DYFED_POWYS_POLICE);
        ((ObjectNode) invitation.with("body").withArray("children").get(0)).with("gpPractice").put("odsCode", "Z99002");
        String id = Messages.id(invitation);
        HubApi.send(COUNCIL, invitation).statusCode(202);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(COUNCIL, id, FHIR_GP)));

        // The practice acknowledges the invitation with a FHIR response message.
        fhir("/fhir/$process-message", fixture("response-ok.fhir.json", id, journey)).statusCode(200)
                .contentType("application/fhir+json").body("resourceType", org.hamcrest.Matchers.equalTo("OperationOutcome"));
        assertThat(HubApi.state(COUNCIL, id, FHIR_GP)).isEqualTo("acknowledged");
        // ...and the council that sent the invitation receives the practice's acknowledgement.
        await().atMost(WAIT).untilAsserted(() -> agencies.of(COUNCIL).verify(exactly(1),
                postRequestedFor(urlEqualTo("/hub/messages"))
                        .withHeader("X-Hub-Message-Type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("acknowledgement"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.correlationId",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(id)))));

        // It completes the hub's report Task: a conference report to the council, and its clock stops.
        fhir("/fhir/$process-message", fixture("report-in-bundle.fhir.json", id, journey)).statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> agencies.of(COUNCIL).verify(exactly(1),
                postRequestedFor(urlEqualTo("/hub/messages"))
                        .withHeader("X-Hub-Message-Type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("conference-report"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.correlationId",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(id)))));
        assertThat(HubApi.track(COUNCIL, id).statusCode(200).extract().jsonPath()
                .getList("clocks.findAll { it.clock == 'written-report' && it.owedBy == '" + FHIR_GP + "' }.metAt"))
                .isNotEmpty().doesNotContainNull();

        fhir("/fhir/$process-message", "this is not FHIR").statusCode(400).contentType("application/fhir+json");
    }

    private static String fixture(String file, String invitationId, CaseMessages journey) throws java.io.IOException {
        try (var in = GpFhirFlowTest.class.getResourceAsStream("/fhir/" + file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e07", invitationId)
                    .replace("CCS-ICPC-2025-0042", journey.conferenceId())
                    .replace("gp-z99001", FHIR_GP).replace("Z99001", "Z99002");
        }
    }

    private static io.restassured.response.ValidatableResponse fhir(String path, String body) {
        return io.restassured.RestAssured.given()
                .header("Authorization", wales.safeguarding.hub.support.Tokens.bearer(FHIR_GP))
                .contentType("application/fhir+json").body(body).post(path).then();
    }

    private ObjectNode invitationForAChildAtTheFhirPractice() {
        ObjectNode invitation = CaseMessages.naming(CaseMessages.inviting(new CaseMessages().of("conference-invitation"),
                AgencyStubs.DYFED_POWYS_POLICE), AgencyStubs.DYFED_POWYS_POLICE);
        ((ObjectNode) invitation.with("body").withArray("children").get(0)).with("gpPractice").put("odsCode", "Z99002");
        return invitation;
    }

    /** The practice system answers every message with a FHIR response message carrying this response code. */
    private void answer(String code) {
        String response = """
                {"resourceType": "Bundle", "type": "message", "entry": [{"resource": {
                  "resourceType": "MessageHeader", "id": "reply-1",
                  "eventCoding": {"system": "https://hub.safeguarding.wales/fhir/message-event", "code": "conference-invitation"},
                  "source": {"endpoint": "https://gp-z99002.example.org/fhir"},
                  "response": {"identifier": "received", "code": "%s"}}}]}""".formatted(code);
        agencies.of(FHIR_GP).stubFor(post(urlEqualTo(PROCESS_MESSAGE)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json")
                        .withBody(response)));
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

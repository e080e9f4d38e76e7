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

package wales.safeguarding.hub.childprotection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 14 item 6, through the public API: a GP practice whose system speaks only FHIR sends its own messages to the
 * hub's {@code $process-message} (the adapter's worked examples, {@code /gp-fhir/examples/} in the gp-fhir jar): a
 * duty-to-report, a strategy contribution and an acknowledgement with its contribution, a completed health assessment,
 * a health alert. Each is
 * validated by HAPI before it is read, then goes through the same intake, routing and clocks as any message; a
 * refusal is an OperationOutcome naming the FHIR element, never the value.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class GpFhirSendersFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String FHIR_GP = AgencyStubs.FHIR_GP;
    private static final String SCHOOL = AgencyStubs.SCHOOL;
    private static final String PROCESS_MESSAGE = "/fhir/$process-message";
    private static final Pattern ACCEPTED_ID = Pattern.compile("[a-z-]+ ([0-9a-f-]{36}) accepted");

    @InjectAgencyStubs
    AgencyStubs agencies;

    @jakarta.inject.Inject
    wales.safeguarding.hub.support.TestClock clock;

    /**
     * The hub builds HAPI's validator in the background once it has started (seconds, more on a loaded machine); the
     * first FHIR message would wait for it, longer than the test client's read timeout. Wait for it here.
     */
    @org.junit.jupiter.api.BeforeAll
    static void validator_built() {
        wales.safeguarding.adapters.gpfhir.GpFhirValidator.warmUp();
    }

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
        String ok = """
                {"resourceType": "Bundle", "type": "message", "entry": [{"resource": {
                  "resourceType": "MessageHeader", "id": "reply-1",
                  "eventCoding": {"system": "https://hub.safeguarding.wales/fhir/message-event", "code": "any"},
                  "source": {"endpoint": "https://gp-z99002.example.org/fhir"},
                  "response": {"identifier": "received", "code": "ok"}}}]}""";
        agencies.of(FHIR_GP).stubFor(post(urlEqualTo("/$process-message")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json").withBody(ok)));
    }

    @Test
    @DisplayName("a FHIR-only practice's duty-to-report reaches the council, starts its clocks, and a resend is the same report")
    void should_take_a_duty_to_report_from_a_fhir_only_practice() {
        String fhir = example("duty-to-report");

        String id = acceptedId(fhir(fhir).statusCode(202));

        JsonNode atCouncil = await().atMost(WAIT).until(() -> agencies.received(COUNCIL, id), r -> r != null);
        assertThat(atCouncil.get("sender").asText()).isEqualTo(FHIR_GP);
        assertThat(atCouncil.at("/body/reporter/agencyId").asText()).isEqualTo(FHIR_GP);
        assertThat(atCouncil.at("/body/reporter/languagePreference").asText()).isEqualTo("cy");
        assertThat(atCouncil.at("/body/children/0/nhsNumber").asText()).isEqualTo("9990000018");
        assertThat(atCouncil.at("/body/categoriesOfConcern").toString()).contains("neglect", "emotional-abuse");
        assertThat(atCouncil.at("/body/description").asText()).contains("home alone");
        JsonPath tracked = HubApi.track(FHIR_GP, id).statusCode(200).extract().jsonPath();
        assertThat(tracked.getList("clocks.clock", String.class)).contains("report-acknowledgement", "report-outcome");
        assertThat(tracked.getList("clocks.owedBy", String.class)).containsOnly(COUNCIL);

        // the practice's system sends it again (a timeout on its side): the same message, not a second report
        assertThat(acceptedId(fhir(fhir).statusCode(200))).isEqualTo(id);
    }

    @Test
    @DisplayName("a FHIR-only practice asked for a strategy discussion acknowledges, contributes, and meets its clock")
    void should_take_a_strategy_contribution_and_an_acknowledgement_from_a_fhir_only_practice() {
        CaseMessages journey = new CaseMessages();
        ObjectNode meeting = CaseMessages.naming(CaseMessages.inviting(journey.of("strategy-meeting-invitation"), POLICE),
                POLICE);
        meeting.with("body").remove("dutyToReportId");
        ((ObjectNode) meeting.with("body").withArray("children").get(0)).with("gpPractice").put("odsCode", "Z99002");
        String meetingId = meeting.with("body").get("meetingId").asText();
        String invitationId = Messages.id(meeting);
        HubApi.send(COUNCIL, meeting).statusCode(202).body("recipients", containsInAnyOrder(POLICE, FHIR_GP, SCHOOL));
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(COUNCIL, invitationId, FHIR_GP)));

        // the practice acknowledges the invitation, with what it will bring
        String ack = example("acknowledgement-of-safety-plan")
                .replace("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e31", invitationId)
                .replace("CCS-2025-004512", journey.caseReference());
        fhir(ack).statusCode(202);
        await().atMost(WAIT).until(() -> "acknowledged".equals(HubApi.state(COUNCIL, invitationId, FHIR_GP)));

        String contribution = example("strategy-contribution").replace("CCS-SM-2025-0117", meetingId)
                .replace("CCS-2025-004512", journey.caseReference());
        String id = acceptedId(fhir(contribution).statusCode(202));

        JsonNode atPolice = await().atMost(WAIT).until(() -> agencies.received(POLICE, id), r -> r != null);
        assertThat(atPolice.at("/body/information").asText()).contains("late 14 times");
        assertThat(atPolice.at("/body/contributedBy/role").asText()).isEqualTo("General practitioner");
        await().atMost(WAIT).until(() -> agencies.received(COUNCIL, id), r -> r != null);
        JsonPath after = HubApi.track(COUNCIL, invitationId).statusCode(200).extract().jsonPath();
        assertThat(after.getString("clocks.find { it.clock == 'strategy-contribution' && it.owedBy == '" + FHIR_GP
                + "' }.metAt")).isNotNull();
    }

    @Test
    @DisplayName("1.7: a FHIR-only practice that owns a child's health assessment completes it over FHIR, meeting its clock")
    void should_take_a_completed_health_assessment_from_a_fhir_only_practice() {
        CaseMessages journey = new CaseMessages();
        clock.set(java.time.Instant.parse("2025-06-20T09:00:00Z"));
        try {
            ObjectNode invitation = journey.of("conference-invitation");
            ((ObjectNode) invitation.with("body").withArray("children").get(0)).with("gpPractice").put("odsCode", "Z99002");
            HubApi.send(COUNCIL, invitation).statusCode(202).body("recipients", org.hamcrest.Matchers.hasItem(FHIR_GP));
            clock.set(java.time.Instant.parse("2025-06-25T09:00:00Z"));
            ObjectNode plan = journey.of("outline-plan-health-assessment");
            plan.with("body").with("healthAssessment").put("owner", FHIR_GP);
            String planId = Messages.id(plan);
            HubApi.send(COUNCIL, plan).statusCode(202);
            assertThat(HubApi.track(COUNCIL, planId).statusCode(200).extract().jsonPath()
                    .getString("clocks.find { it.clock == 'health-assessment' }.owedBy")).isEqualTo(FHIR_GP);

            String assessment = example("health-assessment").replace("CCS-2025-004512", journey.caseReference());
            String id = acceptedId(fhir(assessment).statusCode(202));

            JsonNode atCouncil = await().atMost(WAIT).until(() -> agencies.received(COUNCIL, id), r -> r != null);
            assertThat(atCouncil.at("/body/unmetHealthNeeds").size()).isEqualTo(2);
            assertThat(HubApi.track(COUNCIL, planId).statusCode(200).extract().jsonPath()
                    .getString("clocks.find { it.clock == 'health-assessment' }.metAt")).isNotNull();
        } finally {
            clock.release();
        }
    }

    @Test
    @DisplayName("a FHIR-only practice's health alert reaches the council and the school; a bad one is refused by element")
    void should_take_a_health_alert_and_refuse_what_fails_validation_naming_the_element() {
        String alert = example("health-alert");
        String id = acceptedId(fhir(alert).statusCode(202));
        JsonNode atSchool = await().atMost(WAIT).until(() -> agencies.received(SCHOOL, id), r -> r != null);
        assertThat(atSchool.at("/body/summary").asText()).contains("safety plan");
        assertThat(atSchool.at("/body").has("clinicalDetail")).as("need to know: not for a school").isFalse();
        await().atMost(WAIT).until(() -> agencies.received(COUNCIL, id), r -> r != null);

        // HAPI and the hub's rules: an NHS number whose check digit fails, named by element, not quoted
        String badNhsNumber = alert.replace("9990000018", "9990000017").replace("HEALTH-ALERT-0001", "HEALTH-ALERT-0002");
        String refused = fhir(badNhsNumber).statusCode(422).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.details.text", org.hamcrest.Matchers.hasItem("hub-nhs-number"))
                .body("issue.expression.flatten()", org.hamcrest.Matchers.hasItem(containsString("resource.identifier")))
                .extract().asString();
        assertThat(refused).doesNotContain("9990000017").doesNotContain("Alys");

        // the hub's intake: a local authority that is not a Welsh council's ONS code, named where the practice sent it
        String badCouncil = alert.replace("W06000010", "E09000001");
        fhir(badCouncil).statusCode(422).body("issue.expression.flatten()",
                org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.matchesPattern("Bundle\\.entry\\[\\d+\\]\\.resource\\.extension")));

        // the questionnaire a supplier builds against
        RestAssured.given().header("Authorization", Tokens.bearer(FHIR_GP)).get("/fhir/Questionnaire/health-alert").then()
                .statusCode(200).body("resourceType", equalTo("Questionnaire"))
                .body("url", equalTo("https://hub.safeguarding.wales/fhir/Questionnaire/health-alert"));
    }

    /** The adapter's worked example, as the FHIR practice of the tests (ODS code Z99002) sends it. */
    private static String example(String name) {
        try (InputStream in = GpFhirSendersFlowTest.class.getResourceAsStream("/gp-fhir/examples/" + name + ".fhir.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("Z99001", "Z99002")
                    .replace("z99001", "z99002");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String acceptedId(ValidatableResponse response) {
        String diagnostics = response.contentType("application/fhir+json").extract().jsonPath().getString("issue[0].diagnostics");
        Matcher m = ACCEPTED_ID.matcher(diagnostics);
        assertThat(m.find()).as(diagnostics).isTrue();
        return m.group(1);
    }

    private static ValidatableResponse fhir(String body) {
        return RestAssured.given().header("Authorization", Tokens.bearer(FHIR_GP))
                .contentType("application/fhir+json").body(body).post(PROCESS_MESSAGE).then();
    }
}

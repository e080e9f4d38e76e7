package wales.safeguarding.hub.childprotection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Issue 15 item 3, through the public API: a child who attends a pupil referral unit and works with the youth justice
 * service besides their school ({@code otherProvision}). Both take part in the case as the school does and receive
 * exactly the school's part of each message (the review: too few "schools, and other education provision, such as
 * youth justice, youth support service, pupil referral units (PRU) and education other than at schools (EOTAS), have
 * appropriate access"). Both collect from their pull inbox; the school's stub receives by push, so each provider's
 * copy is compared with the school's.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class EducationProvidersFlowTest {

    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String SCHOOL = AgencyStubs.SCHOOL;
    private static final String PRU = AgencyStubs.PUPIL_REFERRAL_UNIT;
    private static final String YOUTH_JUSTICE = AgencyStubs.YOUTH_JUSTICE;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @InjectAgencyStubs
    AgencyStubs agencies;

    private final CaseMessages journey = new CaseMessages();

    @BeforeEach
    void reset() {
        agencies.reset();
    }

    @Test
    @DisplayName("issue 15 item 3: the PRU and youth justice service are routed as the school, with the school's part only")
    void should_route_the_childs_pupil_referral_unit_and_youth_justice_service_as_the_school() {
        // the invitation names the child's other provision; the council invites them as it invites the school
        ObjectNode invitation = journey.of("conference-invitation");
        attends((ObjectNode) invitation.at("/body/children/0"), PRU, YOUTH_JUSTICE);
        ArrayNode invitees = invitation.with("body").withArray("invitees");
        invitees.addObject().put("agencyId", PRU).put("role", "Teacher in charge").put("name", "Demo Teacher");
        invitees.addObject().put("agencyId", YOUTH_JUSTICE).put("role", "Case manager").put("name", "Demo Officer");
        String invitationId = send(invitation);
        JsonNode invitationAtSchool = atSchool(invitationId);
        for (String provider : List.of(PRU, YOUTH_JUSTICE)) {
            JsonNode copy = inInbox(provider, invitationId);
            assertThat(copy.get("body")).as(provider).isEqualTo(invitationAtSchool.get("body"));
            assertThat(copy.toString()).as(provider).doesNotContain("9990000018", "otherProvision", "Demo Surgery");
        }

        // the conference registers the child; the council names both providers in the core group
        ObjectNode plan = journey.of("outline-plan");
        ArrayNode coreGroup = plan.with("body").withArray("coreGroup");
        coreGroup.addObject().put("agencyId", PRU).put("role", "Teacher in charge").put("name", "Demo Teacher");
        coreGroup.addObject().put("agencyId", YOUTH_JUSTICE).put("role", "Case manager").put("name", "Demo Officer");
        send(plan);
        // the hub's register change reaches the school and, as the case remembers them, both providers
        JsonNode changeAtSchool = await().atMost(WAIT).until(() -> pushedOfType(SCHOOL, "register-change"),
                r -> r != null);
        for (String provider : List.of(PRU, YOUTH_JUSTICE)) {
            JsonNode copy = await().atMost(WAIT).until(() -> inboxOfType(provider, "register-change"), r -> r != null);
            assertThat(copy.get("body")).as(provider).isEqualTo(changeAtSchool.get("body"));
            assertThat(copy.at("/body/change").asText()).isEqualTo("added");
        }

        // a plan update recording the core group: the providers' attendance is accepted, as members of the core group
        ObjectNode update = journey.of("plan-update-core-group");
        ((ObjectNode) update.at("/body/child")).remove("childReference");
        ArrayNode attendance = update.with("body").putArray("attendance");
        attendance.addObject().put("agencyId", SCHOOL).put("status", "attended");
        attendance.addObject().put("agencyId", PRU).put("status", "attended");
        attendance.addObject().put("agencyId", YOUTH_JUSTICE).put("status", "apologies-and-report");
        String updateId = send(update);
        JsonNode updateAtSchool = atSchool(updateId);
        for (String provider : List.of(PRU, YOUTH_JUSTICE)) {
            JsonNode copy = inInbox(provider, updateId);
            assertThat(copy.get("body")).as(provider).isEqualTo(updateAtSchool.get("body"));
            // the school's part: the plan, not the child's NHS number nor who came
            assertThat(copy.at("/body/summary").asText()).isNotBlank();
            assertThat(copy.at("/body/child/nhsNumber").isMissingNode()).isTrue();
            assertThat(copy.at("/body/attendance").isMissingNode()).isTrue();
        }

        // the GP's self-harm alert about the registered child names no provider: the case remembers them
        ObjectNode alert = journey.of("health-alert");
        String alertId = UUID.randomUUID().toString();
        alert.put("messageId", alertId).put("sender", AgencyStubs.GP);
        CaseMessages.naming(alert, COUNCIL);
        List<String> notes = HubApi.send(AgencyStubs.GP, alert).statusCode(202).extract().jsonPath()
                .getList("complianceNotes.code", String.class);
        assertThat(notes).contains("alert-routed");
        JsonNode alertAtSchool = atSchool(alertId);
        for (String provider : List.of(PRU, YOUTH_JUSTICE)) {
            JsonNode copy = inInbox(provider, alertId);
            assertThat(copy.get("body")).as(provider).isEqualTo(alertAtSchool.get("body"));
            assertThat(copy.at("/body/clinicalDetail").isMissingNode()).isTrue();
        }
    }

    @Test
    @DisplayName("refuse at intake what cannot be delivered later: an unknown provider, or a school named as one")
    void should_refuse_an_other_provision_that_is_not_an_education_provider_naming_the_pointer() {
        ObjectNode change = journey.of("register-change");
        attends((ObjectNode) change.at("/body/child"), YOUTH_JUSTICE, "no-such-provider");
        HubApi.send(COUNCIL, change).statusCode(422)
                .body("violations.pointer", hasItem("/body/child/otherProvision/1/agencyId"))
                .body("violations.rule", hasItem("education-provider"));

        ObjectNode alert = journey.of("school-alert");
        attends((ObjectNode) alert.at("/body/child"), AgencyStubs.SECOND_SCHOOL);
        HubApi.send(SCHOOL, alert).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/child/otherProvision/0/agencyId"))
                .body("violations[0].rule", equalTo("education-provider"));
        // nothing was stored: the case knows no such message
        HubApi.track(COUNCIL, alert.get("messageId").asText()).statusCode(404);
    }

    @Test
    @DisplayName("issue 15 item 3: a pupil referral unit and a youth justice service ask whether a child is on the register")
    void should_answer_a_providers_register_enquiry() {
        ObjectNode added = journey.of("register-change");
        String nhsNumber = "9990000026";
        ((ObjectNode) added.at("/body/child")).put("nhsNumber", nhsNumber)
                .put("name", "Alys " + UUID.randomUUID().toString().substring(0, 8));
        send(added);

        for (String provider : List.of(PRU, YOUTH_JUSTICE)) {
            String enquiry = CanonicalJson.mapper().createObjectNode().put("nhsNumber", nhsNumber)
                    .put("reason", "a pupil starting at the unit").toString();
            given().header("Authorization", Tokens.bearer(provider)).contentType("application/json").body(enquiry)
                    .when().post("/api/v1/register-enquiries").then().statusCode(200)
                    .body("onRegister", equalTo(true)).body("council.id", equalTo(COUNCIL));
        }
    }

    /** The child attends these providers besides their school. */
    private static void attends(ObjectNode child, String... providers) {
        ArrayNode list = child.putArray("otherProvision");
        for (String provider : providers) {
            list.addObject().put("agencyId", provider);
        }
    }

    private static String send(ObjectNode message) {
        HubApi.send(message.get("sender").asText(), message).statusCode(202);
        return message.get("messageId").asText();
    }

    private JsonNode atSchool(String messageId) {
        return await().atMost(WAIT).until(() -> agencies.received(SCHOOL, messageId), r -> r != null);
    }

    /** The copy of the message in the provider's pull inbox, once there. */
    private static JsonNode inInbox(String provider, String messageId) {
        List<Map<String, Object>> copies = await().atMost(WAIT).until(() -> HubApi.inboxCopies(provider, messageId),
                c -> !c.isEmpty());
        return CanonicalJson.mapper().valueToTree(copies.get(0).get("message"));
    }

    /** The first message of this type and case the agency's push stub received, or null. */
    private JsonNode pushedOfType(String agency, String type) {
        for (var request : agencies.of(agency).findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/hub/messages")))) {
            try {
                JsonNode message = CanonicalJson.mapper().readTree(request.getBodyAsString());
                if (ofCase(message, type)) {
                    return message;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    /** The first message of this type and case in the agency's pull inbox, or null. */
    private JsonNode inboxOfType(String agency, String type) {
        List<JsonNode> found = new ArrayList<>();
        long cursor = 0;
        while (true) {
            var page = given().header("Authorization", Tokens.bearer(agency)).queryParam("after", cursor)
                    .queryParam("limit", 500).get("/api/v1/inbox").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return found.isEmpty() ? null : found.get(0);
            }
            for (Map<String, Object> item : items) {
                JsonNode message = CanonicalJson.mapper().valueToTree(item.get("message"));
                if (message != null && ofCase(message, type)) {
                    found.add(message);
                }
            }
            cursor = page.getLong("next");
        }
    }

    private boolean ofCase(JsonNode message, String type) {
        return type.equals(message.path("type").asText())
                && journey.caseReference().equals(message.path("caseReference").asText());
    }
}

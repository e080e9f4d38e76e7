package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.hub.escalation.Escalator;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 14 item 3, through the public API: a child's health assessment that the conference set as an action
 * (recommendation 1.7) is a clock owed by its health agency, reminded like any other, and met by that agency's
 * health-assessment, whose unmet health needs reach the council and the core group.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class HealthAssessmentFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String GP = AgencyStubs.GP;
    private static final String SCHOOL = AgencyStubs.SCHOOL;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @Inject
    Escalator escalator;

    private CaseMessages journey;

    @BeforeEach
    void a_conference_was_held() {
        agencies.reset();
        journey = new CaseMessages();
        clock.set(Instant.parse("2025-06-20T09:00:00Z"));
        HubApi.send(COUNCIL, journey.of("conference-invitation")).statusCode(202);
        clock.set(Instant.parse("2025-06-25T09:00:00Z"));
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    @DisplayName("1.7: the action is owed by the GP to its due day, reminded after it, and met by the GP's assessment")
    void should_track_the_health_assessment_action_to_the_gps_completion() {
        ObjectNode plan = journey.of("outline-plan-health-assessment");
        String planId = Messages.id(plan);
        HubApi.send(COUNCIL, plan).statusCode(202).body("recipients", hasItem(GP));

        // due by the end of Tuesday 15 July 2025 (BST)
        JsonPath tracked = HubApi.track(COUNCIL, planId).statusCode(200).extract().jsonPath();
        assertThat(tracked.getString("clocks.find { it.clock == 'health-assessment' }.owedBy")).isEqualTo(GP);
        assertThat(tracked.getString("clocks.find { it.clock == 'health-assessment' }.dueAt"))
                .isEqualTo("2025-07-15T23:00:00Z");

        clock.set(Instant.parse("2025-07-15T22:59:59Z"));
        escalator.fireDue();
        clock.set(Instant.parse("2025-07-15T23:00:01Z"));
        escalator.fireDue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(agencies.escalationsMissing(GP, journey.caseReference(), "health-assessment")).isEqualTo(1));

        ObjectNode done = CaseMessages.naming(journey.of("health-assessment"));
        String doneId = Messages.id(done);
        HubApi.send(GP, done).statusCode(202).body("recipients", hasItem(COUNCIL));
        JsonNode received = await().atMost(WAIT).until(() -> agencies.received(COUNCIL, doneId), r -> r != null);
        assertThat(received.at("/body/unmetHealthNeeds").size()).isEqualTo(2);
        assertThat(received.at("/body/summary").asText()).contains("dental decay");
        assertThat(HubApi.track(COUNCIL, planId).statusCode(200).extract().jsonPath()
                .getString("clocks.find { it.clock == 'health-assessment' }.metAt")).isNotNull();
    }

    @Test
    @DisplayName("1.7: the unmet health needs reach the core group; a school's copy has no clinical summary")
    void should_send_the_unmet_needs_to_the_core_group_without_the_clinical_summary_for_a_school() {
        HubApi.send(COUNCIL, journey.of("outline-plan-health-assessment")).statusCode(202);

        ObjectNode done = CaseMessages.naming(journey.of("health-assessment"));
        String doneId = Messages.id(done);
        HubApi.send(GP, done).statusCode(202).body("recipients", hasItem(SCHOOL));

        JsonNode school = await().atMost(WAIT).until(() -> agencies.received(SCHOOL, doneId), r -> r != null);
        assertThat(school.at("/body/unmetHealthNeeds").size()).isEqualTo(2);
        assertThat(school.at("/body").has("summary")).isFalse();
        assertThat(school.at("/body/child").has("nhsNumber")).isFalse();
    }

    @Test
    @DisplayName("1.7: an action owned by a school, or an assessment sent by one, is refused")
    void should_refuse_an_owner_or_sender_that_is_not_a_health_agency() {
        ObjectNode plan = journey.of("outline-plan-health-assessment");
        plan.with("body").with("healthAssessment").put("owner", SCHOOL);
        HubApi.send(COUNCIL, plan).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/healthAssessment/owner"))
                .body("violations[0].rule", equalTo("health-agency"));

        ObjectNode fromSchool = journey.of("health-assessment");
        fromSchool.put("sender", SCHOOL);
        HubApi.send(SCHOOL, fromSchool).statusCode(422).body("violations[0].rule", equalTo("health-only-type"));

        ObjectNode unknownCase = new CaseMessages().of("health-assessment");
        HubApi.send(GP, unknownCase).statusCode(422).body("violations[0].rule", equalTo("known-case"));
    }
}

package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
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
 * A case is a sibling group (domain.md, "Lessons from the first build"; issue 10 defect 1): Alys and her brother
 * Osian, each with their own GP practice and school. Every party of every child is reached, and the register and its
 * clocks are per child.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SiblingGroupFlowTest {

    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    private CaseMessages journey;

    @BeforeEach
    void a_new_case() {
        agencies.reset();
        journey = new CaseMessages();
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    @DisplayName("issue 10 defect 1: a conference about two siblings invites each child's GP practice, and each owes a report")
    void should_invite_the_gp_practice_of_every_child_and_ask_each_for_a_written_report() {
        ObjectNode invitation = CaseMessages.naming(CaseMessages.inviting(withOsian(journey.of("conference-invitation")),
                POLICE, AgencyStubs.SCHOOL), POLICE, AgencyStubs.SCHOOL);
        invitation.with("body").with("writtenReport").put("requested", false).remove("dueBy");

        HubApi.send(COUNCIL, invitation).statusCode(202)
                .body("recipients", equalTo(List.of(POLICE, AgencyStubs.SCHOOL, AgencyStubs.GP, AgencyStubs.FHIR_GP)))
                // the test directory names no health board for Carmarthenshire (HealthProfessionalsFlowTest: Cardiff)
                .body("complianceNotes.code", equalTo(List.of("gp-added", "gp-added", "health-board-unknown",
                        "child-participation-not-recorded")));

        HubApi.track(COUNCIL, Messages.id(invitation)).statusCode(200)
                .body("clocks.findAll { it.clock == 'written-report' }.owedBy",
                        hasItems(AgencyStubs.GP, AgencyStubs.FHIR_GP));
    }

    @Test
    @DisplayName("issue 10 defect 1: a strategy discussion about siblings adds the police force once, and remembers both children")
    void should_add_the_police_once_for_siblings_of_one_area() {
        ObjectNode strategy = CaseMessages.naming(CaseMessages.inviting(
                withOsian(journey.of("strategy-meeting-invitation")), AgencyStubs.GP), AgencyStubs.GP);
        strategy.with("body").remove("dutyToReportId");

        // each child's school and Osian's GP practice are asked for what they know (issue 14 item 2)
        HubApi.send(COUNCIL, strategy).statusCode(202)
                .body("recipients", equalTo(List.of(AgencyStubs.GP, POLICE, AgencyStubs.SCHOOL, AgencyStubs.FHIR_GP,
                        AgencyStubs.SECOND_SCHOOL)))
                .body("complianceNotes.code", equalTo(List.of("police-added", "contributors-added")));
    }

    @Test
    @DisplayName("issue 10 defect 1: removing one sibling from the register ends only that child's core group and review clocks")
    void should_end_only_the_removed_childs_clocks() {
        at("2027-01-04T09:00:00Z");
        ObjectNode invitation = withOsian(journey.of("conference-invitation"));
        invitation.with("body").with("meeting").put("startsAt", "2027-01-07T10:00:00Z");
        HubApi.send(COUNCIL, invitation).statusCode(202);
        at("2027-01-07T15:00:00Z");
        ObjectNode plan = journey.of("outline-plan");
        plan.with("body").put("heldOn", "2027-01-07");
        HubApi.send(COUNCIL, plan).statusCode(202);
        assertThat(running(plan, "first-core-group")).as("a first core group for each child").isEqualTo(2);
        assertThat(running(plan, "first-review-conference")).as("a first review for each child").isEqualTo(2);

        at("2027-01-08T09:00:00Z");
        ObjectNode removal = journey.of("register-change");
        removal.with("body").put("change", "removed").put("effectiveOn", "2027-01-08")
                .put("eligibleNeeds", "Alys's needs are met by a care and support plan.")
                .put("contingencyPlan", "If Alys misses school two days running, the school rings the social worker.")
                .remove("categoriesOfHarm");
        HubApi.send(COUNCIL, removal).statusCode(202);

        assertThat(running(plan, "first-core-group")).as("Osian's first core group runs on").isEqualTo(1);
        assertThat(running(plan, "first-review-conference")).as("Osian's first review runs on").isEqualTo(1);
    }

    /** How many of the clocks this message started still run. */
    private static int running(ObjectNode message, String clockName) {
        JsonPath status = HubApi.track(COUNCIL, Messages.id(message)).statusCode(200).extract().jsonPath();
        List<Object> unmet = status.getList("clocks.findAll { it.clock == '" + clockName + "' && it.metAt == null }");
        return unmet.size();
    }

    /**
     * Adds Alys's brother Osian to the children the message names: another GP practice and school. The example's
     * entry of how its one child takes part names no child, so it goes: the invitation records neither child's.
     */
    private static ObjectNode withOsian(ObjectNode message) {
        message.with("body").remove("childParticipation");
        ArrayNode children = message.with("body").withArray("children");
        ObjectNode osian = children.addObject();
        osian.put("name", "Osian Enghraifft").put("dateOfBirth", "2019-02-03").put("nhsNumber", "9990000034")
                .put("localAuthority", "W06000010");
        osian.putObject("school").put("schoolNumber", "6699002");
        osian.putObject("gpPractice").put("odsCode", "Z99002");
        return message;
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }
}

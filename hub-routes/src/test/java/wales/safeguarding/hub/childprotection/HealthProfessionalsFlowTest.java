package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

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
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 14 item 1, through the public API: a conference invitation reaches the health professionals of each child
 * (recommendation 1.4: "GPs and other relevant health professionals must be invited") as it reaches the GP practice:
 * the health board that covers the child's area (the test directory names Cardiff and Vale for Cardiff), and the area's
 * health visiting service for a child under five or its school nursing service for a child of school age; each added
 * with a compliance note when the council left it out, and each owing a written report tracked to its return.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class HealthProfessionalsFlowTest {

    private static final String COUNCIL = AgencyStubs.CARDIFF;
    private static final String POLICE = AgencyStubs.SOUTH_WALES_POLICE;
    private static final String HEALTH_BOARD = "cardiff-and-vale-health-board";
    private static final String HEALTH_VISITING = "cardiff-health-visiting";
    private static final String SCHOOL_NURSING = "cardiff-school-nursing";
    private static final String CARDIFF = "W06000015";

    @Inject
    TestClock clock;

    private CaseMessages journey;

    @BeforeEach
    void a_new_case() {
        journey = new CaseMessages();
        clock.set(Instant.parse("2025-06-10T09:00:00Z"));
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    @DisplayName("1.4: the health board and the health visitor of a child under five are invited, noted, and owe reports")
    void should_invite_the_health_board_and_the_health_visiting_service_of_a_child_under_five() {
        ObjectNode invitation = cardiffInvitation("2022-03-01");
        String id = Messages.id(invitation);

        JsonPath accepted = HubApi.send(COUNCIL, invitation).statusCode(202)
                .body("recipients", hasItems(POLICE, AgencyStubs.GP, HEALTH_BOARD, HEALTH_VISITING))
                .body("recipients", not(hasItem(SCHOOL_NURSING))).extract().jsonPath();
        JsonPath tracked = HubApi.track(COUNCIL, id).statusCode(200).extract().jsonPath();
        assertThat(accepted.getList("complianceNotes.code", String.class))
                .containsExactly("gp-added", "health-added", "health-added");
        assertThat(accepted.getList("complianceNotes.findAll { it.code == 'health-added' }.en", String.class))
                .satisfiesExactly(
                        en -> assertThat(en).contains(HEALTH_BOARD, "the health board's safeguarding team", "1.4"),
                        en -> assertThat(en).contains(HEALTH_VISITING, "the health visiting service"));
        assertThat(accepted.getList("complianceNotes.findAll { it.code == 'health-added' }.cy", String.class))
                .satisfiesExactly(cy -> assertThat(cy).contains("tîm diogelu'r bwrdd iechyd"),
                        cy -> assertThat(cy).contains("y gwasanaeth ymwelwyr iechyd"));
        // the council asked no one for a report: the GP and the health professionals owe one all the same
        assertThat(tracked.getList("clocks.findAll { it.clock == 'written-report' }.owedBy", String.class))
                .containsExactlyInAnyOrder(AgencyStubs.GP, HEALTH_BOARD, HEALTH_VISITING);

        ObjectNode report = CaseMessages.naming(journey.of("conference-report"), COUNCIL);
        report.put("correlationId", id).put("sender", HEALTH_BOARD);
        HubApi.send(HEALTH_BOARD, report).statusCode(202).body("recipients", org.hamcrest.Matchers.equalTo(
                List.of(COUNCIL)));

        JsonPath after = HubApi.track(COUNCIL, id).statusCode(200).extract().jsonPath();
        assertThat(after.getString("clocks.find { it.clock == 'written-report' && it.owedBy == '" + HEALTH_BOARD
                + "' }.metAt")).isNotNull();
        assertThat(after.getString("clocks.find { it.clock == 'written-report' && it.owedBy == '" + HEALTH_VISITING
                + "' }.metAt")).isNull();
    }

    @Test
    @DisplayName("1.4: a sibling group reaches the health visitor of the youngest and the school nurse of the eldest")
    void should_invite_the_school_nursing_service_for_a_child_of_school_age_and_each_agency_once() {
        ObjectNode invitation = cardiffInvitation("2022-03-01");
        ArrayNode children = invitation.with("body").withArray("children");
        ObjectNode elder = children.get(0).deepCopy();
        elder.put("name", "Osian Enghraifft").put("dateOfBirth", "2015-09-01").put("childReference", "CCS-CHILD-ELDER");
        elder.remove("nhsNumber");
        children.add(elder);
        // the example's entry of how its one child takes part names no child: with two it would be refused
        invitation.with("body").remove("childParticipation");
        CaseMessages.inviting(invitation, POLICE, HEALTH_BOARD);

        JsonPath tracked = HubApi.send(COUNCIL, invitation).statusCode(202)
                .body("recipients", hasItems(HEALTH_BOARD, HEALTH_VISITING, SCHOOL_NURSING)).extract().jsonPath();
        // the council invited the health board itself: only the two services are added, each once
        assertThat(tracked.getList("complianceNotes.findAll { it.code == 'health-added' }.en", String.class))
                .satisfiesExactly(en -> assertThat(en).contains(HEALTH_VISITING),
                        en -> assertThat(en).contains(SCHOOL_NURSING));
        assertThat(tracked.getList("recipients", String.class)).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("1.4: a child in an area whose council names no health board: the gap is noted")
    void should_note_that_no_health_board_is_known_for_the_childs_area() {
        ObjectNode invitation = cardiffInvitation("2022-03-01");
        ((ObjectNode) invitation.with("body").withArray("children").get(0)).put("localAuthority", "W06000010");

        assertThat(HubApi.send(COUNCIL, invitation).statusCode(202)
                .body("recipients", not(hasItem(HEALTH_BOARD))).extract().jsonPath()
                .getList("complianceNotes.code", String.class)).contains("health-board-unknown")
                .doesNotContain("health-added");
    }

    /** Cardiff's invitation to an initial conference on 24 June 2025 for one child born on {@code dateOfBirth}. */
    private ObjectNode cardiffInvitation(String dateOfBirth) {
        ObjectNode invitation = CaseMessages.naming(CaseMessages.inviting(journey.of("conference-invitation"), POLICE),
                POLICE);
        invitation.put("sender", COUNCIL);
        invitation.with("body").with("writtenReport").put("requested", false).remove("dueBy");
        ObjectNode child = (ObjectNode) invitation.with("body").withArray("children").get(0);
        child.put("localAuthority", CARDIFF).put("dateOfBirth", dateOfBirth);
        return invitation;
    }
}

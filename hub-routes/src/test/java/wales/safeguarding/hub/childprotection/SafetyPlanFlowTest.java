package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 14 item 4, through the public API: the interim safety plan until the initial conference (recommendation 6.2).
 * It reaches every party of the coming conference and every action's owner; a partner's acknowledgement carries its
 * contribution to the council; an initial invitation for a child at immediate risk without a safety plan is noted.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SafetyPlanFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String GP = AgencyStubs.GP;
    private static final String SCHOOL = AgencyStubs.SCHOOL;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    DataSource dataSource;

    private CaseMessages journey;

    @BeforeEach
    void a_new_case() {
        agencies.reset();
        journey = new CaseMessages();
    }

    @Test
    @DisplayName("6.2: a child at immediate risk: the invitation is noted until a safety plan reaches every party")
    void should_note_a_missing_safety_plan_and_send_the_plan_to_every_party_of_the_coming_conference() {
        ObjectNode invitation = CaseMessages.naming(CaseMessages.inviting(journey.of("conference-invitation"), POLICE,
                SCHOOL), POLICE, SCHOOL);
        invitation.with("body").put("immediateRisk", true);
        JsonPath accepted = HubApi.send(COUNCIL, invitation).statusCode(202).extract().jsonPath();
        assertThat(accepted.getList("complianceNotes.code", String.class)).contains("safety-plan-missing");
        assertThat(accepted.getString("complianceNotes.find { it.code == 'safety-plan-missing' }.en"))
                .contains(journey.conferenceId(), "immediate risk", "6.2");

        // the council names only the police: the conference's other invitees (the school, the GP the hub added)
        // and the owners of the plan's actions get it too
        ObjectNode plan = CaseMessages.naming(journey.of("safety-plan"), POLICE);
        String planId = Messages.id(plan);
        JsonPath planAccepted = HubApi.send(COUNCIL, plan).statusCode(202).extract().jsonPath();
        assertThat(planAccepted.getList("recipients", String.class)).containsExactlyInAnyOrder(POLICE, SCHOOL, GP);
        assertThat(planAccepted.getList("complianceNotes.code", String.class))
                .containsExactly("safety-plan-parties-added");
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(COUNCIL, planId, SCHOOL)));

        // the school answers with its contribution, which reaches the council whole
        ObjectNode answer = CaseMessages.naming(journey.of("acknowledgement"), COUNCIL);
        answer.put("correlationId", planId).put("sender", SCHOOL);
        answer.with("body").put("contribution", "Breakfast club starts tomorrow; we ring the social worker at once.");
        String answerId = Messages.id(answer);
        HubApi.send(SCHOOL, answer).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));
        JsonNode received = await().atMost(WAIT).until(() -> agencies.received(COUNCIL, answerId), r -> r != null);
        assertThat(received.at("/body/contribution").asText()).startsWith("Breakfast club starts tomorrow");

        // with a safety plan in place, the next initial invitation for the case is not noted
        ObjectNode again = CaseMessages.naming(CaseMessages.inviting(journey.of("conference-invitation"), POLICE),
                POLICE);
        again.with("body").put("conferenceId", "ICPC-" + UUID.randomUUID()).put("immediateRisk", true);
        assertThat(HubApi.send(COUNCIL, again).statusCode(202).extract().jsonPath()
                .getList("complianceNotes.code", String.class)).doesNotContain("safety-plan-missing");
    }

    @Test
    @DisplayName("6.2: the police's copy of a safety plan has the actions and the children without their NHS numbers")
    void should_give_each_party_only_what_the_need_to_know_policy_allows() {
        ObjectNode plan = CaseMessages.naming(journey.of("safety-plan"), POLICE, SCHOOL);
        String planId = Messages.id(plan);
        HubApi.send(COUNCIL, plan).statusCode(202);

        JsonNode police = await().atMost(WAIT).until(() -> agencies.received(POLICE, planId), r -> r != null);
        assertThat(police.at("/body/actions").size()).isEqualTo(4);
        assertThat(police.at("/body/children/0/name").asText()).isEqualTo("Alys Enghraifft");
        assertThat(police.at("/body/children/0").has("nhsNumber")).isFalse();
    }

    @Test
    @DisplayName("6.2: a safety plan is the council's, and its actions' owners must be known agencies")
    void should_refuse_a_plan_from_a_partner_or_with_an_unknown_owner_and_store_nothing() {
        ObjectNode fromPolice = journey.of("safety-plan");
        fromPolice.put("sender", POLICE);
        HubApi.send(POLICE, fromPolice).statusCode(422).body("violations[0].rule", equalTo("council-only-type"));

        ObjectNode unknownOwner = journey.of("safety-plan");
        ((ObjectNode) unknownOwner.with("body").withArray("actions").get(1)).put("owner", "gp-nowhere");
        String id = Messages.id(unknownOwner);
        HubApi.send(COUNCIL, unknownOwner).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/actions/1/owner"))
                .body("violations[0].rule", equalTo("known-agency"));
        assertThat(new Database(dataSource).count("select count(*) from message where message_id = ?",
                UUID.fromString(id))).isZero();
    }
}

package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

/**
 * Issue 14 item 5, through the public API: the child's voice at their conference (Wales Safeguarding Procedures,
 * section 3 part 2; 2023 review, recommendations 3.1 and 3.2). An invitation records, child by child, whether each
 * child is invited and offered an advocate; the invitees learn it. An outline plan records how each took part; only
 * the council receives that. A child left out, or an initial conference without the offer of an advocate, is noted
 * to the council; an entry about no child of the invitation refuses it, and nothing is stored.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ChildrensVoiceFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;

    @InjectAgencyStubs
    AgencyStubs agencies;

    private CaseMessages journey;

    @BeforeEach
    void a_new_case() {
        journey = new CaseMessages();
        agencies.reset();
    }

    @Test
    @DisplayName("3.1, 3.2: each child of a sibling group invited or not, and why; the school learns it, not how they took part")
    void should_tell_the_invitees_which_children_attend_and_keep_how_they_took_part_for_the_council() {
        ObjectNode invitation = siblingInvitation();
        String invitationId = Messages.id(invitation);

        List<String> notes = HubApi.send(COUNCIL, invitation).statusCode(202).extract().jsonPath()
                .getList("complianceNotes.code", String.class);
        assertThat(notes).doesNotContain("child-participation-not-recorded", "advocacy-not-offered");
        JsonNode atSchool = await().atMost(WAIT).until(() -> agencies.received(AgencyStubs.SCHOOL, invitationId),
                copy -> copy != null);
        assertThat(atSchool.at("/body/childParticipation/1/whyNotInvited").asText()).isEqualTo("age-and-understanding");

        ObjectNode plan = siblingOutlinePlan();
        String planId = Messages.id(plan);
        assertThat(HubApi.send(COUNCIL, plan).statusCode(202).extract().jsonPath()
                .getList("complianceNotes.code", String.class)).doesNotContain("child-participation-not-recorded");
        JsonNode atGp = await().atMost(WAIT).until(() -> agencies.received(AgencyStubs.GP, planId), c -> c != null);
        assertThat(atGp.at("/body/children/0/registered").asBoolean()).isTrue();
        assertThat(atGp.at("/body/children/0").has("participation")).isFalse();
    }

    @Test
    @DisplayName("3.2: a child the invitation says nothing of, and a child at an initial conference offered no advocate, are noted")
    void should_note_a_child_left_out_and_a_child_offered_no_advocate() {
        ObjectNode invitation = siblingInvitation();
        ArrayNode entries = invitation.with("body").putArray("childParticipation");
        entries.addObject().put("childReference", "CCS-CHILD-004512-1").put("invited", true)
                .put("advocacyOffered", false);

        var accepted = HubApi.send(COUNCIL, invitation).statusCode(202).extract().jsonPath();

        assertThat(accepted.getList("complianceNotes.code", String.class))
                .contains("child-participation-not-recorded", "advocacy-not-offered");
        assertThat(accepted.getString("complianceNotes.find { it.code == 'child-participation-not-recorded' }.en"))
                .contains("1 of the 2 children");
        assertThat(accepted.getString("complianceNotes.find { it.code == 'advocacy-not-offered' }.cy"))
                .contains("eiriolwr");
    }

    @Test
    @DisplayName("3.1: an entry about no child of the invitation refuses it, naming the entry and the rule; nothing is stored")
    void should_refuse_an_entry_about_a_child_the_invitation_does_not_name() {
        ObjectNode invitation = siblingInvitation();
        ((ObjectNode) invitation.with("body").withArray("childParticipation").get(1))
                .put("childReference", "SOMEONE-ELSE");

        HubApi.send(COUNCIL, invitation).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/childParticipation/1/childReference"))
                .body("violations[0].rule", equalTo("known-child"));
        HubApi.track(COUNCIL, Messages.id(invitation)).statusCode(404);

        ObjectNode twoUnnamed = siblingInvitation();
        ((ObjectNode) twoUnnamed.with("body").withArray("childParticipation").get(0)).remove("childReference");
        HubApi.send(COUNCIL, twoUnnamed).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/childParticipation/0/childReference"))
                .body("violations[0].rule", equalTo("child-named"));
    }

    /** The contract's sibling group invitation (Alys invited; Owain, five, not), in this test's case and conference. */
    private ObjectNode siblingInvitation() {
        ObjectNode invitation = Messages.example("valid/conference-invitation-siblings.json");
        invitation.put("messageId", UUID.randomUUID().toString()).put("caseReference", journey.caseReference());
        invitation.with("body").put("conferenceId", journey.conferenceId());
        return invitation;
    }

    /** The contract's sibling group outline plan (Alys took part in part; Owain did not), for the same conference. */
    private ObjectNode siblingOutlinePlan() {
        ObjectNode plan = Messages.example("valid/outline-plan-siblings.json");
        plan.put("messageId", UUID.randomUUID().toString()).put("caseReference", journey.caseReference());
        plan.with("body").put("conferenceId", journey.conferenceId());
        return plan;
    }
}

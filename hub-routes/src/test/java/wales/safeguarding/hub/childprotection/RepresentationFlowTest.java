package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 15 item 1, through the public API: who came to a case's conferences, and an agency absent from two review
 * conferences running noted to the council once (recommendation 2.2, representation at review conferences).
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RepresentationFlowTest {

    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String GP = AgencyStubs.GP;

    private final CaseMessages journey = new CaseMessages();

    @Test
    @DisplayName("2.2: the GP misses two review conferences running: noted at the second, not the third")
    void should_note_an_agency_absent_from_two_review_conferences_running_once() {
        conference("ICPC-" + UUID.randomUUID(), "initial", null, true);
        String first = "RCPC-" + UUID.randomUUID();
        assertThat(conference(first, "review", null, false)).doesNotContain("agency-absent");
        String second = "RCPC-" + UUID.randomUUID();
        List<String> notes = conference(second, "review", first, false);
        assertThat(notes).containsOnlyOnce("agency-absent");
        assertThat(conference("RCPC-" + UUID.randomUUID(), "review", second, false)).doesNotContain("agency-absent");
    }

    /**
     * The council's invitation to a conference of this case and its outline plan, the GP attending or not; the
     * plan's compliance note codes.
     */
    private List<String> conference(String conferenceId, String kind, String previous, boolean gpAttends) {
        ObjectNode invitation = journey.of("conference-invitation");
        invitation.with("body").put("conferenceId", conferenceId).put("kind", kind);
        if ("review".equals(kind)) {
            invitation.with("body").remove("lastStrategyDiscussionAt");
            invitation.with("body").put("previousConferenceId", previous == null ? "ICPC-BEFORE" : previous);
        }
        HubApi.send(COUNCIL, invitation).statusCode(202);
        ObjectNode plan = journey.of("outline-plan");
        plan.with("body").put("conferenceId", conferenceId);
        ArrayNode attended = plan.with("body").putArray("attended");
        attended.add(AgencyStubs.DYFED_POWYS_POLICE).add(AgencyStubs.SCHOOL);
        if (gpAttends) {
            attended.add(GP);
        }
        return HubApi.send(COUNCIL, plan).statusCode(202).extract().jsonPath().getList("complianceNotes.code",
                String.class);
    }
}

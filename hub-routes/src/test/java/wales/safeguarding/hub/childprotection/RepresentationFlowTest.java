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

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

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

    @Test
    @DisplayName("2.2: who came to the child's core groups is recorded; the GP absent from two running is noted at the second only")
    void should_record_core_group_attendance_and_note_an_agency_absent_from_two_running_once() {
        // the child is put on the register at the initial conference, so the case has its core group
        conference("ICPC-" + UUID.randomUUID(), "initial", null, true);

        assertThat(coreGroup("2026-11-02", "absent", "attended")).doesNotContain("agency-absent-core-group");
        assertThat(coreGroup("2026-11-16", "absent", "absent")).containsOnlyOnce("agency-absent-core-group");
        // apologies with a written report are no absence; absent again the next time starts a new run
        assertThat(coreGroup("2026-11-30", "apologies-and-report", null)).isEmpty();
        assertThat(coreGroup("2026-12-01", "absent", null)).doesNotContain("agency-absent-core-group");

        // the boards count who came, recorded in core_group_attendance without the child's name
        var database = new wales.safeguarding.hub.support.Database(dataSource);
        String rows = "select count(*) from core_group_attendance where case_reference = ? and ";
        assertThat(database.count(rows + "agency = ? and status = 'absent'", journey.caseReference(), GP)).isEqualTo(3);
        assertThat(database.count(rows + "agency = ? and status = 'apologies-and-report'", journey.caseReference(), GP))
                .isEqualTo(1);
        assertThat(database.count(rows + "agency = ? and status = 'attended'", journey.caseReference(),
                AgencyStubs.SCHOOL)).isEqualTo(4);
        assertThat(database.count(rows + "party = 'family'", journey.caseReference())).isEqualTo(2);

        // attendance without the day the core group met is refused, naming the field; nothing is stored
        ObjectNode update = journey.of("plan-update-core-group");
        update.with("body").remove("coreGroupMetOn");
        HubApi.send(COUNCIL, update).statusCode(422)
                .body("violations[0].pointer", org.hamcrest.Matchers.equalTo("/body/attendance"))
                .body("violations[0].rule", org.hamcrest.Matchers.equalTo("attendance-needs-core-group"));
    }

    /** A plan update recording the child's core group meeting on {@code metOn}: the GP's status, the family's. */
    private List<String> coreGroup(String metOn, String gp, String family) {
        ObjectNode update = journey.of("plan-update-core-group");
        update.with("body").put("coreGroupMetOn", metOn);
        ArrayNode attendance = update.with("body").putArray("attendance");
        attendance.addObject().put("agencyId", AgencyStubs.SCHOOL).put("status", "attended");
        attendance.addObject().put("agencyId", GP).put("status", gp);
        if (family == null) {
            update.with("body").remove("familyAttendance");
        } else {
            update.with("body").put("familyAttendance", family);
        }
        return HubApi.send(COUNCIL, update).statusCode(202).extract().jsonPath().getList("complianceNotes.code",
                String.class);
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

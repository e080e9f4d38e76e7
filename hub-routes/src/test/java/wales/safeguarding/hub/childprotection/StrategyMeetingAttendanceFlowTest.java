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
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 15 item 1, through the public API (2023 review, recommendation 2.2: "All agencies should ensure representation
 * at strategy meetings, review child protection conferences and core groups. Regional safeguarding boards should have
 * oversight"): the record of a strategy meeting reaches its invitees and records who came; the minutes' attendance is
 * the conference's attendance of record; an agency absent from two review conferences or core groups running is noted
 * once to the council and once to the region's safeguarding board, whose copy names no child.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class StrategyMeetingAttendanceFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String GP = AgencyStubs.GP;
    private static final String SCHOOL = AgencyStubs.SCHOOL;
    private static final String BOARD = AgencyStubs.MID_AND_WEST_WALES_BOARD;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private CaseMessages journey;
    private Database database;

    @BeforeEach
    void a_new_case() {
        journey = new CaseMessages();
        agencies.reset();
        database = new Database(dataSource);
    }

    @Test
    @DisplayName("2.2 strategy meetings: the record reaches the invitees and records who came; a non-invitee, an unknown meeting or a school sender is refused")
    void should_deliver_a_strategy_meeting_record_to_its_invitees_and_record_who_came() {
        ObjectNode invitation = journey.of("strategy-meeting-invitation");
        invitation.with("body").remove("dutyToReportId");
        HubApi.send(COUNCIL, invitation).statusCode(202);

        ObjectNode record = journey.of("strategy-meeting-record");
        String recordId = Messages.id(record);
        HubApi.send(COUNCIL, record).statusCode(202);

        JsonNode atSchool = await().atMost(WAIT).until(() -> agencies.received(SCHOOL, recordId), c -> c != null);
        assertThat(atSchool.at("/body/attendance").size()).isEqualTo(4);
        assertThat(await().atMost(WAIT).until(() -> agencies.received(POLICE, recordId), c -> c != null)
                .at("/body/decision/section47Enquiry").asBoolean()).isTrue();
        await().atMost(WAIT).until(() -> agencies.received(GP, recordId), c -> c != null);
        String rows = "select count(*) from strategy_meeting_attendance where case_reference = ? and ";
        assertThat(database.count(rows + "meeting_id = 'CCS-SM-2025-0117'", journey.caseReference())).isEqualTo(4);
        assertThat(database.count(rows + "agency = ? and status = 'absent'", journey.caseReference(), SCHOOL))
                .isEqualTo(1);
        assertThat(database.count(rows + "agency = ? and status = 'apologies-and-report'", journey.caseReference(), GP))
                .isEqualTo(1);

        // the police force that took part may send it too: the council receives it; a record sent again replaces
        ObjectNode byPolice = journey.of("strategy-meeting-record");
        byPolice.put("sender", POLICE);
        CaseMessages.naming(byPolice, COUNCIL);
        ArrayNode attendance = byPolice.with("body").putArray("attendance");
        attendance.addObject().put("agencyId", POLICE).put("status", "attended");
        attendance.addObject().put("agencyId", SCHOOL).put("status", "attended");
        String policeId = Messages.id(byPolice);
        HubApi.send(POLICE, byPolice).statusCode(202);
        await().atMost(WAIT).until(() -> agencies.received(COUNCIL, policeId), c -> c != null);
        assertThat(database.count(rows + "agency = ? and status = 'attended'", journey.caseReference(), SCHOOL))
                .isEqualTo(1);
        assertThat(database.count(rows + "true", journey.caseReference())).isEqualTo(2);

        // an agency that was not invited: refused at its entry, nothing stored
        ObjectNode stranger = journey.of("strategy-meeting-record");
        ((ObjectNode) stranger.with("body").withArray("attendance").get(3)).put("agencyId", AgencyStubs.SECOND_SCHOOL);
        HubApi.send(COUNCIL, stranger).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/attendance/3/agencyId"))
                .body("violations[0].rule", equalTo("strategy-meeting-invitee"));
        assertThat(database.count("select count(*) from message where message_id = ?::uuid", Messages.id(stranger)))
                .isZero();
        ObjectNode unknown = journey.of("strategy-meeting-record");
        unknown.with("body").put("meetingId", "SM-NEVER-CALLED");
        HubApi.send(COUNCIL, unknown).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/meetingId"))
                .body("violations[0].rule", equalTo("known-strategy-meeting"));
        ObjectNode fromSchool = journey.of("strategy-meeting-record");
        fromSchool.put("sender", SCHOOL);
        CaseMessages.naming(fromSchool, COUNCIL);
        HubApi.send(SCHOOL, fromSchool).statusCode(422)
                .body("violations[0].pointer", equalTo("/sender"))
                .body("violations[0].rule", equalTo("council-or-police-of-meeting"));
    }

    @Test
    @DisplayName("2.2 minutes: the minutes' attendance replaces the outline plan's, and a later outline plan leaves it")
    void should_take_the_minutes_attendance_as_the_conferences_record() {
        HubApi.send(COUNCIL, journey.of("conference-invitation")).statusCode(202);
        HubApi.send(COUNCIL, plan(journey.conferenceId(), POLICE, SCHOOL, GP)).statusCode(202);
        String gpAttended = "select count(*) from conference_attendance where case_reference = ? and agency = ? "
                + "and attended";
        assertThat(database.count(gpAttended, journey.caseReference(), GP)).isEqualTo(1);

        ObjectNode minutes = journey.of("conference-minutes-attendance");
        HubApi.send(COUNCIL, minutes).statusCode(202);
        String source = "select count(*) from conference_attendance where case_reference = ? and source = 'minutes' "
                + "and agency = ? and status = ?";
        assertThat(database.count(gpAttended, journey.caseReference(), GP)).isZero();
        assertThat(database.count(source, journey.caseReference(), GP, "apologies-and-report")).isEqualTo(1);
        assertThat(database.count(source, journey.caseReference(), SCHOOL, "absent")).isEqualTo(1);
        assertThat(database.count("select count(*) from conference_family_attendance where case_reference = ? "
                + "and status = 'attended'", journey.caseReference())).isEqualTo(1);

        // the outline plan again: the minutes stand
        HubApi.send(COUNCIL, plan(journey.conferenceId(), POLICE, SCHOOL, GP)).statusCode(202);
        assertThat(database.count(source, journey.caseReference(), SCHOOL, "absent")).isEqualTo(1);

        // an entry for an agency not invited to the conference: refused, nothing stored
        ObjectNode stranger = journey.of("conference-minutes-attendance");
        ((ObjectNode) stranger.with("body").withArray("attendance").get(1)).put("agencyId", AgencyStubs.SECOND_SCHOOL);
        HubApi.send(COUNCIL, stranger).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/attendance/1/agencyId"))
                .body("violations[0].rule", equalTo("conference-invitee"));
    }

    @Test
    @DisplayName("issue 15 item 1: the GP absent from two review conferences running: one note to the council, one to the board, naming no child")
    void should_send_one_absence_notice_to_the_council_and_one_to_the_board() {
        String initial = "ICPC-" + UUID.randomUUID();
        conference(initial, "initial", null, true);
        String first = "RCPC-" + UUID.randomUUID();
        assertThat(conference(first, "review", initial, false)).doesNotContain("agency-absent");
        String second = "RCPC-" + UUID.randomUUID();
        assertThat(conference(second, "review", first, false)).containsOnlyOnce("agency-absent");

        await().atMost(WAIT).until(() -> agencies.escalationsMissing(COUNCIL, journey.caseReference(),
                "representation") == 1 && agencies.escalationsMissing(BOARD, journey.caseReference(),
                "representation") == 1);
        JsonNode toBoard = agencies.of(BOARD).findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("escalation")))
                .stream().map(r -> Messages.read(r.getBody()))
                .filter(m -> journey.caseReference().equals(m.path("caseReference").asText())).findFirst()
                .orElseThrow();
        assertThat(toBoard.has("childReference")).isFalse();
        assertThat(toBoard.toString()).doesNotContain("DPP-CHILD-0001").doesNotContain("Alys").contains(GP);
        assertThat(toBoard.at("/body/step").asText()).isEqualTo("board-notice");

        // a third absence running: no second note (the run was noted when it reached two)
        assertThat(conference("RCPC-" + UUID.randomUUID(), "review", second, false)).doesNotContain("agency-absent");
        assertThat(database.count("select count(*) from message where message_type = 'escalation' and "
                + "case_reference = ?", journey.caseReference())).isEqualTo(1);

        // core groups the same way: the GP absent from two running, one more note to each
        assertThat(coreGroup("2026-11-02", "absent")).doesNotContain("agency-absent-core-group");
        assertThat(coreGroup("2026-11-16", "absent")).containsOnlyOnce("agency-absent-core-group");
        await().atMost(WAIT).until(() -> agencies.escalationsMissing(COUNCIL, journey.caseReference(),
                "representation") == 2 && agencies.escalationsMissing(BOARD, journey.caseReference(),
                "representation") == 2);
        assertThat(database.count("select count(*) from message where message_type = 'escalation' and "
                + "case_reference = ?", journey.caseReference())).isEqualTo(2);
    }

    /** A plan update recording the child's core group meeting on {@code metOn}, with the GP's status. */
    private List<String> coreGroup(String metOn, String gp) {
        ObjectNode update = journey.of("plan-update-core-group");
        update.with("body").put("coreGroupMetOn", metOn);
        ArrayNode attendance = update.with("body").putArray("attendance");
        attendance.addObject().put("agencyId", SCHOOL).put("status", "attended");
        attendance.addObject().put("agencyId", GP).put("status", gp);
        return HubApi.send(COUNCIL, update).statusCode(202).extract().jsonPath().getList("complianceNotes.code",
                String.class);
    }

    /** The outline plan of a conference listing these agencies as attended. */
    private ObjectNode plan(String conferenceId, String... attended) {
        ObjectNode plan = journey.of("outline-plan");
        plan.with("body").put("conferenceId", conferenceId);
        ArrayNode list = plan.with("body").putArray("attended");
        for (String agency : attended) {
            list.add(agency);
        }
        return plan;
    }

    /** The invitation to a conference and its outline plan, the GP attending or not; the plan's note codes. */
    private List<String> conference(String conferenceId, String kind, String previous, boolean gpAttends) {
        ObjectNode invitation = journey.of("conference-invitation");
        invitation.with("body").put("conferenceId", conferenceId).put("kind", kind);
        if ("review".equals(kind)) {
            invitation.with("body").remove("lastStrategyDiscussionAt");
            invitation.with("body").put("previousConferenceId", previous);
        }
        HubApi.send(COUNCIL, invitation).statusCode(202);
        ObjectNode plan = gpAttends ? plan(conferenceId, POLICE, SCHOOL, GP) : plan(conferenceId, POLICE, SCHOOL);
        return HubApi.send(COUNCIL, plan).statusCode(202).extract().jsonPath().getList("complianceNotes.code",
                String.class);
    }
}

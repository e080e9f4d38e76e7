package wales.safeguarding.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/** The boards' report counts what happened in the period, per council, region or agency, as JSON or CSV. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleReportsFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String GP = AgencyStubs.GP;
    private static final String REGION = AgencyStubs.MID_AND_WEST_WALES_BOARD;
    private static final String PATH = Console.API + "/reports";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
    }

    @Test
    void should_count_a_report_its_outcome_a_conference_with_the_gp_its_report_and_the_outline_plan() {
        Map<String, Object> before = row("council", COUNCIL);
        Map<String, Object> regionBefore = row("region", REGION);
        Map<String, Object> gpBefore = row("agency", GP);

        ObjectNode report = Messages.dutyToReport();
        String reportId = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, reportId, COUNCIL)));
        HubApi.send(COUNCIL, Messages.outcomeOf(reportId)).statusCode(202);
        CaseMessages journey = new CaseMessages();
        ObjectNode invitation = journey.of("conference-invitation");
        // held now: its outline-plan clock starts today, in the report's period
        invitation.with("body").with("meeting").put("startsAt",
                java.time.Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        HubApi.send(COUNCIL, invitation).statusCode(202);
        ObjectNode gpReport = journey.of("conference-report");
        gpReport.put("correlationId", Messages.id(invitation));
        HubApi.send(GP, gpReport).statusCode(202);
        HubApi.send(COUNCIL, journey.of("outline-plan")).statusCode(202);

        Map<String, Object> after = row("council", COUNCIL);
        assertThat(delta(before, after, "dutyToReportsReceived")).isEqualTo(1);
        assertThat(delta(before, after, "outcomesDue")).isEqualTo(1);
        assertThat(delta(before, after, "outcomesWithin7WorkingDays")).isEqualTo(1);
        assertThat(delta(before, after, "conferenceInvitations")).isEqualTo(1);
        assertThat(delta(before, after, "conferenceInvitationsWithGp")).isEqualTo(1);
        assertThat(delta(before, after, "outlinePlansDue")).isEqualTo(1);
        assertThat(delta(before, after, "outlinePlansOnTime")).isEqualTo(1);
        assertThat(delta(before, after, "gpReportsRequested")).isEqualTo(1);
        assertThat(delta(before, after, "gpReportsReturned")).isEqualTo(1);
        // the invitation's three invitees; the outline plan lists the police and the school as attended, not the GP
        assertThat(delta(before, after, "invitedToConferences")).isEqualTo(3);
        assertThat(delta(before, after, "attendedConferences")).isEqualTo(2);
        assertThat(delta(gpBefore, row("agency", GP), "invitedToConferences")).isEqualTo(1);
        assertThat(delta(gpBefore, row("agency", GP), "attendedConferences")).isZero();
        // the outcome answers an English report from a force without a preference in the directory, in English
        assertThat(delta(before, after, "answersToReportMakers")).isEqualTo(1);
        assertThat(delta(before, after, "answersInPreferredLanguage")).isEqualTo(1);
        assertThat(after.get("name")).isEqualTo("Carmarthenshire County Council Children's Services");
        assertThat(after.get("medianCalendarDaysToOutcome")).isNotNull();
        assertThat(delta(regionBefore, row("region", REGION), "dutyToReportsReceived")).isEqualTo(1);
        assertThat(delta(gpBefore, row("agency", GP), "gpReportsReturned")).isEqualTo(1);

        JsonPath whole = Console.as("board-viewer").queryParam("groupBy", "region").get(PATH).then().statusCode(200)
                .extract().jsonPath();
        assertThat(whole.getString("daysToOutcomeAre")).isEqualTo("calendar");
        assertThat(whole.getString("groupBy")).isEqualTo("region");
        assertThat(whole.prettify()).doesNotContain(reportId, journey.caseReference(), "childReference");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("Issue 14 item 5: each child of a council's conferences, invited or not and how they took part, counted")
    void should_count_each_child_invited_and_how_they_took_part_without_who_they_are() {
        Map<String, Object> before = row("council", COUNCIL);
        CaseMessages journey = new CaseMessages();
        for (String example : List.of("conference-invitation-siblings", "outline-plan-siblings")) {
            ObjectNode message = Messages.example("valid/" + example + ".json");
            message.put("messageId", java.util.UUID.randomUUID().toString()).put("caseReference",
                    journey.caseReference());
            message.with("body").put("conferenceId", journey.conferenceId());
            HubApi.send(COUNCIL, message).statusCode(202);
        }

        Map<String, Object> after = row("council", COUNCIL);
        // Alys invited, Owain (five) not for his age and understanding, both offered an advocate; at the conference
        // Alys took part in part with her advocate, Owain did not, for the same reason
        assertThat(delta(before, after, "childrenInInvitations")).isEqualTo(2);
        assertThat(delta(before, after, "childrenInvited")).isEqualTo(1);
        assertThat(delta(before, after, "childrenOfferedAdvocate")).isEqualTo(2);
        assertThat(delta(before, after, "childrenAtConferences")).isEqualTo(2);
        assertThat(delta(before, after, "childrenTookPart")).isEqualTo(1);
        assertThat(delta(before, after, "childrenWithAdvocate")).isEqualTo(1);
        assertThat(delta(map(before, "tookPartBy"), map(after, "tookPartBy"), "in-part")).isEqualTo(1);
        assertThat(delta(map(before, "whyNot"), map(after, "whyNot"), "age-and-understanding")).isEqualTo(2);
        assertThat(after.toString()).doesNotContain("Owain", "CCS-CHILD", journey.caseReference());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @Test
    void should_give_the_same_report_as_csv_with_a_header_row_as_an_attachment() {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String csv = Console.as("board-viewer").queryParam("from", today).queryParam("to", today)
                .queryParam("format", "csv").get(PATH).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename="))
                .extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("group,name,dutyToReportsReceived,outcomesDue,");
        String viaAccept = Console.as("operator").accept("text/csv").queryParam("from", today).queryParam("to", today)
                .get(PATH).then().statusCode(200).extract().asString();
        assertThat(viaAccept.lines().findFirst()).isEqualTo(csv.lines().findFirst());
    }

    @Test
    void should_refuse_a_bad_period_or_grouping_naming_the_parameter() {
        Console.as("auditor").queryParam("from", "2026-11-30").queryParam("to", "2026-11-01").get(PATH).then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].pointer", equalTo("to"));
        Console.as("auditor").queryParam("groupBy", "street").get(PATH).then().statusCode(400)
                .body("violations[0].pointer", equalTo("groupBy"));
        Console.as("auditor").queryParam("from", "26/11/2026").get(PATH).then().statusCode(400)
                .body("violations[0].pointer", equalTo("from"));
        Console.as("auditor").queryParam("council", GP).get(PATH).then().statusCode(400)
                .body("violations[0].pointer", equalTo("council"));
        Console.as("auditor").queryParam("council", COUNCIL).queryParam("groupBy", "agency").get(PATH).then()
                .statusCode(400).body("violations[0].pointer", equalTo("council"));
    }

    @Test
    void should_give_one_council_only_its_row_of_the_report_by_council() {
        ObjectNode report = Messages.dutyToReport();
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, Messages.id(report), COUNCIL)));
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();

        JsonPath one = Console.as("board-viewer").queryParam("from", today).queryParam("to", today)
                .queryParam("council", COUNCIL).get(PATH).then().statusCode(200).extract().jsonPath();

        assertThat(one.getList("rows.group")).containsExactly(COUNCIL);
        Map<String, Object> row = one.getMap("rows[0]");
        assertThat(number(row.get("dutyToReportsReceived"))).isPositive();
        assertThat(row).isEqualTo(row("council", COUNCIL));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("Issue 15 item 5: a regional board's viewer sees its own region only; the national viewer sees Wales")
    void should_show_a_board_viewer_its_own_region_only() {
        ObjectNode cardiff = Messages.dutyToReport();
        ((ObjectNode) cardiff.with("body").withArray("children").get(0)).put("localAuthority", "W06000015");
        HubApi.send(POLICE, cardiff).statusCode(202);
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();

        JsonPath national = Console.as("national-viewer").queryParam("from", today).queryParam("to", today)
                .get(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(national.getList("rows.group", String.class)).contains(AgencyStubs.CARDIFF);

        JsonPath west = Console.as("board-viewer").queryParam("from", today).queryParam("to", today)
                .get(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(west.getList("rows.group", String.class)).doesNotContain(AgencyStubs.CARDIFF, "unknown");
        Console.as("board-viewer").queryParam("groupBy", "region").get(PATH).then().statusCode(200)
                .body("rows.group", org.hamcrest.Matchers.everyItem(equalTo(REGION)));
        Console.as("board-viewer").queryParam("council", AgencyStubs.CARDIFF).get(PATH).then().statusCode(403)
                .contentType("application/problem+json");
        // a board viewer whose sign-in names no board, or one the directory does not know, sees nothing
        Console.asUser("no-board", "board-viewer").get(PATH).then().statusCode(403);
        io.restassured.RestAssured.given().header("Authorization",
                wales.safeguarding.hub.support.Tokens.forBoardViewer("lost", "atlantis-safeguarding-board"))
                .get(Console.API + "/reports").then().statusCode(403);
    }

    private static Map<String, Object> row(String groupBy, String group) {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        Map<String, Object> row = Console.as("board-viewer").queryParam("from", today).queryParam("to", today)
                .queryParam("groupBy", groupBy).get(PATH).then().statusCode(200).extract().jsonPath()
                .getMap("rows.find { it.group == '" + group + "' }");
        return row == null ? Map.of() : row;
    }

    private static long delta(Map<String, Object> before, Map<String, Object> after, String field) {
        return number(after.get(field)) - number(before.get(field));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}

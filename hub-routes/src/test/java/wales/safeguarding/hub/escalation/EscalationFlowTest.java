package wales.safeguarding.hub.escalation;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * The duty-to-report clock runs out: the hub reminds children's services and tells the report-maker on the seventh
 * working day, then tells the managers three working days later; each escalation fires once, and none fires when
 * the council answered in time. Time is moved with the test clock; nothing waits for it.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class EscalationFlowTest {

    // escalations fired by a sweep of the whole suite's clocks (earlier tests leave many) can take more than 20 s
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    /** Tuesday 22 December 2026: seven working days later, across Christmas and New Year, is Tuesday 5 January. */
    private static final Instant RECEIVED = Instant.parse("2026-12-22T10:15:00Z");
    private static final Instant LAST_MOMENT_OF_5_JANUARY = Instant.parse("2027-01-05T23:59:59Z");
    private static final Instant START_OF_6_JANUARY = Instant.parse("2027-01-06T00:00:01Z");
    /** Three working days after 5 January: Friday 8 January. */
    private static final Instant LAST_MOMENT_OF_8_JANUARY = Instant.parse("2027-01-08T23:59:59Z");
    private static final Instant START_OF_9_JANUARY = Instant.parse("2027-01-09T00:00:01Z");

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @Inject
    Escalator escalator;

    @Inject
    DataSource dataSource;

    private Database database;

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
        database = new Database(dataSource);
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    void should_escalate_to_council_and_report_maker_on_the_seventh_working_day_then_to_managers_three_days_later() {
        String reportId = reportReceivedAt(RECEIVED, Messages.dutyToReport());

        clock.set(LAST_MOMENT_OF_5_JANUARY);
        escalator.fireDue();
        assertThat(escalationsOf(reportId)).isZero();

        clock.set(START_OF_6_JANUARY);
        escalator.fireDue();
        assertThat(escalationsOf(reportId)).as("reminder and report-maker notice, for both clocks").isEqualTo(4);

        JsonNode reminder = awaitEscalation(COUNCIL, reportId, "reminder");
        assertThat(reminder.get("sender").asText()).isEqualTo("hub");
        assertThat(reminder.get("recipients")).extracting(JsonNode::asText).containsExactly(COUNCIL);
        assertThat(texts(reminder.at("/body/missing"))).containsExactly("acknowledgement", "outcome");
        assertThat(reminder.at("/body/dueAt").asText()).isEqualTo("2027-01-06T00:00:00Z");
        // Carmarthenshire's children's services asked for Welsh.
        assertThat(texts(reminder.at("/body/notices"), "language")).containsExactly("cy");
        assertThat(reminder.at("/body/notices/0/text").asText()).contains("5 Ionawr 2027").contains(reportId);

        JsonNode notice = awaitEscalation(POLICE, reportId, "report-maker-notice");
        // The report-maker's language is unknown: Welsh and English together, Welsh first.
        assertThat(texts(notice.at("/body/notices"), "language")).containsExactly("cy", "en");
        assertThat(notice.at("/body/notices/1/text").asText())
                .contains("you should now contact children's services again").contains("5 January 2027");

        escalator.fireDue();
        clock.set(LAST_MOMENT_OF_8_JANUARY);
        escalator.fireDue();
        assertThat(escalationsOf(reportId)).as("nothing fires twice, nothing early").isEqualTo(4);

        clock.set(START_OF_9_JANUARY);
        escalator.fireDue();
        assertThat(escalationsOf(reportId)).isEqualTo(6);
        JsonNode toPoliceManager = awaitEscalation(POLICE, reportId, "manager-notice");
        JsonNode toCouncilManager = awaitEscalation(COUNCIL, reportId, "manager-notice");
        assertThat(toPoliceManager.get("messageId")).isEqualTo(toCouncilManager.get("messageId"));
        assertThat(texts(toPoliceManager.at("/body/addressees"), "role"))
                .containsExactly("designated-safeguarding-person", "senior-safeguarding-manager");
        assertThat(texts(toPoliceManager.at("/body/notices"), "language")).containsExactly("cy", "en");

        escalator.fireDue();
        clock.set(START_OF_9_JANUARY.plus(Duration.ofDays(30)));
        escalator.fireDue();
        assertThat(escalationsOf(reportId)).as("the ladder ends with the manager notice").isEqualTo(6);
        // Every ladder is at its top: two rungs for the answers, three (up to the board) for next actions.
        HubApi.track(POLICE, reportId).statusCode(200)
                .body("clocks.escalationStep", org.hamcrest.Matchers.contains(2, 2, 3))
                .body("clocks.nextEscalationAt", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        agencies.of(POLICE).verify(exactly(1), escalationRequest(reportId, "report-maker-notice"));
        agencies.of(COUNCIL).verify(exactly(1), escalationRequest(reportId, "reminder"));
    }

    @Test
    void should_not_escalate_when_the_council_acknowledged_and_gave_the_outcome_in_time() {
        String reportId = reportReceivedAt(RECEIVED, Messages.dutyToReport());
        awaitDelivered(reportId);
        // Acknowledged the next working day, recording the decision on next actions; outcome within seven.
        clock.set(Instant.parse("2026-12-23T09:00:00Z"));
        HubApi.send(COUNCIL, Messages.acknowledgementOf(reportId)).statusCode(202);
        clock.set(Instant.parse("2026-12-30T09:00:00Z"));
        HubApi.send(COUNCIL, Messages.outcomeOf(reportId)).statusCode(202);

        clock.set(START_OF_9_JANUARY);
        escalator.fireDue();

        assertThat(allEscalationsOf(reportId)).isZero();
    }

    @Test
    void should_escalate_a_missing_decision_on_next_actions_after_one_working_day_up_to_the_safeguarding_board() {
        String reportId = reportReceivedAt(RECEIVED, Messages.dutyToReport());
        // Due by the end of Wednesday 23 December; manager notice two working days later (Tuesday 29: Christmas and
        // the substitute Boxing Day skipped), the regional board five (Monday 4 January, New Year's Day skipped).
        clock.set(Instant.parse("2026-12-23T23:59:59Z"));
        escalator.fireDue();
        assertThat(nextActionEscalations(reportId)).isZero();
        clock.set(Instant.parse("2026-12-24T00:00:01Z"));
        escalator.fireDue();
        assertThat(nextActionEscalations(reportId)).isEqualTo(1);
        clock.set(Instant.parse("2026-12-30T00:00:01Z"));
        escalator.fireDue();
        assertThat(nextActionEscalations(reportId)).isEqualTo(2);
        clock.set(Instant.parse("2027-01-04T23:59:59Z"));
        escalator.fireDue();
        assertThat(nextActionEscalations(reportId)).isEqualTo(2);
        clock.set(Instant.parse("2027-01-05T00:00:01Z"));
        escalator.fireDue();
        assertThat(nextActionEscalations(reportId)).isEqualTo(3);

        JsonNode board = awaitEscalation(AgencyStubs.MID_AND_WEST_WALES_BOARD, reportId, "board-notice", true);
        assertThat(texts(board.at("/body/missing"))).containsExactly("next-actions");
        assertThat(texts(board.at("/body/notices"), "language")).containsExactly("cy", "en");
        assertThat(board.at("/body/notices/1/subject").asText())
                .contains("the decision on next actions").contains("5 working days overdue");
    }

    @Test
    @DisplayName("issue 10 defect 5: a bare receipt is not a decision: the next-actions reminder still fires, the acknowledgement's does not")
    void should_remind_the_council_of_next_actions_when_it_only_confirmed_receipt() {
        String reportId = reportReceivedAt(RECEIVED, Messages.dutyToReport());
        awaitDelivered(reportId);
        clock.set(Instant.parse("2026-12-23T09:00:00Z"));
        HubApi.send(COUNCIL, Messages.receiptOf(reportId)).statusCode(202);

        clock.set(Instant.parse("2026-12-24T00:00:01Z"));
        escalator.fireDue();

        assertThat(nextActionEscalations(reportId)).isEqualTo(1);
        JsonNode reminder = awaitEscalation(COUNCIL, reportId, "reminder", true);
        assertThat(texts(reminder.at("/body/missing"))).containsExactly("next-actions");

        // The decision, recorded in a later acknowledgement, stops the ladder: no manager notice on the 30th.
        clock.set(Instant.parse("2026-12-24T09:00:00Z"));
        HubApi.send(COUNCIL, Messages.acknowledgementOf(reportId)).statusCode(202);
        clock.set(Instant.parse("2026-12-30T00:00:01Z"));
        escalator.fireDue();
        assertThat(nextActionEscalations(reportId)).isEqualTo(1);
        assertThat(HubApi.track(POLICE, reportId).statusCode(200).extract().jsonPath()
                .getString("clocks.find { it.clock == 'report-acknowledgement' }.metAt"))
                .as("the receipt met the acknowledgement clock").isEqualTo("2026-12-23T09:00:00Z");
    }

    private long nextActionEscalations(String reportId) {
        return database.count("select count(*) from escalation e join statutory_clock c on c.id = e.clock_id"
                + " where c.message_id = ? and c.clock = 'next-actions'", UUID.fromString(reportId));
    }

    @Test
    void should_escalate_only_what_is_missing_when_the_council_acknowledged_but_gave_no_outcome() {
        String reportId = reportReceivedAt(RECEIVED, Messages.dutyToReport());
        awaitDelivered(reportId);
        HubApi.send(COUNCIL, Messages.acknowledgementOf(reportId)).statusCode(202);

        clock.set(START_OF_6_JANUARY);
        escalator.fireDue();

        JsonNode reminder = awaitEscalation(COUNCIL, reportId, "reminder");
        assertThat(texts(reminder.at("/body/missing"))).containsExactly("outcome");
        assertThat(reminder.at("/body/notices/0/text").asText()).contains("canlyniad");
    }

    @Test
    void should_write_to_a_report_maker_who_prefers_english_in_english_only() {
        ObjectNode report = Messages.dutyToReport();
        ((ObjectNode) report.with("body").with("reporter")).put("languagePreference", "en");
        String reportId = reportReceivedAt(RECEIVED, report);

        clock.set(START_OF_6_JANUARY);
        escalator.fireDue();

        JsonNode notice = awaitEscalation(POLICE, reportId, "report-maker-notice");
        assertThat(texts(notice.at("/body/notices"), "language")).containsExactly("en");
        assertThat(notice.get("language").asText()).isEqualTo("en");
    }

    @Test
    void should_fire_each_escalation_once_when_two_hub_instances_scan_the_same_database_together() throws Exception {
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            reports.add(reportReceivedAt(RECEIVED, Messages.dutyToReport()));
        }
        clock.set(START_OF_6_JANUARY);

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> scan = escalator::fireDue;
            List<Future<Integer>> scans = instances.invokeAll(List.of(scan, scan, scan, scan));
            for (Future<Integer> f : scans) {
                f.get();
            }
        } finally {
            instances.shutdown();
        }

        for (String reportId : reports) {
            assertThat(escalationsOf(reportId)).as("escalations of " + reportId).isEqualTo(4);
        }
        assertThat(database.count("select count(*) from escalation e join statutory_clock c on c.id = e.clock_id "
                + "where e.step = 'reminder' and c.clock <> 'next-actions' and c.message_id = any (?::uuid[])",
                reportIdsArray(reports)))
                .isEqualTo(reports.size() * 2L);
        for (String reportId : reports) {
            await().atMost(WAIT).untilAsserted(() -> agencies.of(COUNCIL).verify(exactly(1),
                    escalationRequest(reportId, "reminder")));
        }
    }

    @Test
    void should_fire_the_rest_of_a_batch_when_one_report_cannot_be_escalated() throws Exception {
        String blocked = reportReceivedAt(RECEIVED, Messages.dutyToReport());
        String other = reportReceivedAt(RECEIVED, Messages.dutyToReport());
        // The blocked report's acknowledgement reminder is on record as fired already, as a moved clock that climbs
        // again to a notice it sent finds it: the batch's set-based write fails, and is written again group by group.
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("""
                insert into escalation (clock_id, step, due_at, escalation_message_id, fired_at)
                select id, 'reminder', due_at, message_id, now() from statutory_clock
                where message_id = ? and clock = 'report-acknowledgement'""")) {
            ps.setObject(1, UUID.fromString(blocked));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        clock.set(START_OF_6_JANUARY);
        escalator.fireDue();

        assertThat(escalationsOf(other)).as("the other report's reminder and report-maker notice").isEqualTo(4);
        assertThat(escalationsOf(blocked)).as("only the row put there by hand: the group was undone").isEqualTo(1);
        assertThat(database.count("select count(*) from audit_event where message_id = ? and event = 'escalation-failed'",
                UUID.fromString(blocked))).isEqualTo(1);
        assertThat(database.count("select count(*) from statutory_clock where message_id = ?"
                + " and clock in ('report-acknowledgement', 'report-outcome') and escalation_step = 0"
                + " and next_escalation_at > ?", UUID.fromString(blocked),
                Timestamp.from(START_OF_6_JANUARY))).as("both clocks wait for the retry").isEqualTo(2);
        assertThat(database.count("select count(*) from message m join escalation e"
                + " on e.escalation_message_id = m.message_id join statutory_clock k on k.id = e.clock_id"
                + " where m.message_type = 'escalation' and k.message_id = ?"
                + " and k.clock in ('report-acknowledgement', 'report-outcome')", UUID.fromString(blocked)))
                .as("no escalation message kept for the undone group").isZero();
        awaitEscalation(COUNCIL, other, "reminder");
    }

    private String reportReceivedAt(Instant at, ObjectNode report) {
        clock.set(at);
        HubApi.send(POLICE, report).statusCode(202);
        return Messages.id(report);
    }

    private void awaitDelivered(String reportId) {
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, reportId, COUNCIL)));
    }

    /** Escalations of the report's acknowledgement and outcome clocks (its next-actions clock has its own ladder). */
    private long escalationsOf(String reportId) {
        return database.count("select count(*) from escalation e join statutory_clock c on c.id = e.clock_id"
                + " where c.message_id = ? and c.clock in ('report-acknowledgement', 'report-outcome')",
                UUID.fromString(reportId));
    }

    private long allEscalationsOf(String reportId) {
        return database.count("select count(*) from escalation e join statutory_clock c on c.id = e.clock_id"
                + " where c.message_id = ?", UUID.fromString(reportId));
    }

    /** The one escalation of this step for the report's acknowledgement and outcome clocks. */
    private JsonNode awaitEscalation(String agency, String reportId, String step) {
        return awaitEscalation(agency, reportId, step, false);
    }

    private JsonNode awaitEscalation(String agency, String reportId, String step, boolean nextActions) {
        WireMockServer server = agencies.of(agency);
        var pattern = escalationRequest(reportId, step, nextActions);
        await().atMost(WAIT).untilAsserted(() -> server.verify(exactly(1), pattern));
        ServeEvent event = server.getAllServeEvents().stream()
                .filter(e -> pattern.build().match(e.getRequest()).isExactMatch())
                .findFirst().orElseThrow();
        try {
            return CanonicalJson.mapper().readTree(event.getRequest().getBody());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder escalationRequest(String reportId,
            String step) {
        return escalationRequest(reportId, step, false);
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder escalationRequest(String reportId,
            String step, boolean nextActions) {
        var pattern = postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", WireMock.equalTo("escalation"))
                .withRequestBody(matchingJsonPath("$.correlationId", WireMock.equalTo(reportId)))
                .withRequestBody(matchingJsonPath("$.body.step", WireMock.equalTo(step)));
        return nextActions
                ? pattern.withRequestBody(matchingJsonPath("$.body.missing[0]", WireMock.equalTo("next-actions")))
                : pattern.withRequestBody(WireMock.notContaining("\"next-actions\""));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static String reportIdsArray(List<String> ids) {
        return "{" + String.join(",", ids) + "}";
    }
}

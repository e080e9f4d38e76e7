package wales.safeguarding.hub.boardexport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.console.Reports;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.escalation.Escalator;
import wales.safeguarding.hub.intake.MessageIdKey;
import wales.safeguarding.hub.intake.MessageIntake;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 15 item 5: "A monthly export (CSV and JSON) goes to the National Independent Safeguarding Board as a tracked
 * message to a configured agency, with its own clock." The national board collects from its pull inbox. Each test
 * works in months of its own, more than the catch-up window apart, so none sees another's exports.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class BoardExportFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    // escalations fired by a sweep of the whole suite's clocks (earlier tests leave many) can take longer
    private static final Duration ESCALATION_WAIT = Duration.ofSeconds(90);
    private static final String BOARD = AgencyStubs.NATIONAL_BOARD;
    private static final String CLOCK = "board-report-export-acknowledgement";
    private static final String REPORTS = "/api/v1/console/reports";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    BoardExports exports;

    @Inject
    Escalator escalator;

    @Inject
    DataSource dataSource;

    @Inject
    Reports reports;

    @Inject
    Directory directory;

    @Inject
    MessageIntake intake;

    @Inject
    MessageIdKey keys;

    @Inject
    Transactions transactions;

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    void should_send_last_months_report_once_with_the_figures_the_console_shows_as_json_and_csv() throws IOException {
        // a duty-to-report in January, so Carmarthenshire has a row to compare
        clock.set(Instant.parse("2027-01-12T10:00:00Z"));
        HubApi.send(AgencyStubs.DYFED_POWYS_POLICE, Messages.dutyToReport()).statusCode(202);
        // Monday 1 February 2027: January is complete
        clock.set(Instant.parse("2027-02-01T07:00:00Z"));

        assertThat(exports.sweep()).containsExactly(YearMonth.of(2027, 1));

        JsonNode export = awaitOneInTheBoardsInbox(exportId("2027-01"));
        assertThat(export.path("sender").asText()).isEqualTo("hub");
        assertThat(export.path("type").asText()).isEqualTo("board-report-export");
        JsonNode body = export.path("body");
        assertThat(body.at("/period/month").asText()).isEqualTo("2027-01");
        assertThat(body.at("/period/from").asText()).isEqualTo("2027-01-01");
        assertThat(body.at("/period/to").asText()).isEqualTo("2027-01-31");
        assertThat(body.path("definitions").asText()).contains("CONSOLE-API.md");
        // the figures the national viewer sees in the console for January, at the same moment: JSON and CSV
        for (String groupBy : List.of("council", "agency")) {
            String by = "by" + Character.toUpperCase(groupBy.charAt(0)) + groupBy.substring(1);
            JsonNode console = JSON.readTree(given().header("Authorization", Tokens.forRole("nia", "national-viewer"))
                    .queryParam("from", "2027-01-01").queryParam("to", "2027-01-31").queryParam("groupBy", groupBy)
                    .get(REPORTS).then().statusCode(200).extract().asString());
            assertThat(body.at("/reports/" + by)).as(groupBy).isEqualTo(console);
            String csv = given().header("Authorization", Tokens.forRole("nia", "national-viewer"))
                    .queryParam("from", "2027-01-01").queryParam("to", "2027-01-31").queryParam("groupBy", groupBy)
                    .queryParam("format", "csv").get(REPORTS).then().statusCode(200).extract().asString();
            assertThat(body.at("/csv/" + by).asText()).as(groupBy).isEqualTo(csv);
        }
        JsonNode carmarthenshire = null;
        for (JsonNode row : body.at("/reports/byCouncil/rows")) {
            if (row.path("group").asText().equals(AgencyStubs.CARMARTHENSHIRE)) {
                carmarthenshire = row;
            }
        }
        assertThat(carmarthenshire).isNotNull();
        assertThat(carmarthenshire.path("dutyToReportsReceived").asLong()).isPositive();
        assertThat(body.at("/csv/byCouncil").asText()).contains(AgencyStubs.CARMARTHENSHIRE);

        // a second sweep, and another hub instance sweeping later in the month, send nothing more
        assertThat(exports.sweep()).isEmpty();
        clock.set(Instant.parse("2027-02-17T12:00:00Z"));
        assertThat(anotherInstance().sweep()).isEmpty();
        assertThat(new Database(dataSource).count("select count(*) from message where message_type = 'board-report-export' "
                + "and message_id = ?", exportId("2027-01"))).isEqualTo(1);
        assertThat(inboxCopies(exportId("2027-01"))).hasSize(1);
    }

    @Test
    void should_meet_the_boards_acknowledgement_clock_with_its_acknowledgement() throws IOException {
        clock.set(Instant.parse("2027-06-01T07:00:00Z"));
        assertThat(exports.sweep()).containsExactly(YearMonth.of(2027, 5));
        UUID exportId = exportId("2027-05");
        awaitOneInTheBoardsInbox(exportId);
        Database database = new Database(dataSource);
        assertThat(database.text("select owed_by from statutory_clock where message_id = ? and clock = ?", exportId,
                CLOCK)).isEqualTo(BOARD);

        // the board acknowledges: nobody else receives it, the hub keeps it, the clock is met
        clock.set(Instant.parse("2027-06-03T10:00:00Z"));
        HubApi.send(BOARD, acknowledgement(exportId)).statusCode(202).body("recipients.size()", equalTo(0));

        assertThat(database.count("select count(*) from statutory_clock where message_id = ? and clock = ? "
                + "and met_at is not null", exportId, CLOCK)).isEqualTo(1);
        assertThat(database.text("select state from delivery where message_id = ? and recipient = ?", exportId,
                BOARD)).isEqualTo("acknowledged");
    }

    @Test
    void should_remind_the_board_then_tell_its_managers_when_it_has_not_acknowledged_in_time() throws IOException {
        clock.set(Instant.parse("2027-10-01T07:00:00Z"));
        assertThat(exports.sweep()).containsExactly(YearMonth.of(2027, 9));
        UUID exportId = exportId("2027-09");
        awaitOneInTheBoardsInbox(exportId);
        Instant due = Instant.parse(new Database(dataSource).text(
                "select to_char(due_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from statutory_clock "
                        + "where message_id = ? and clock = ?", exportId, CLOCK));
        // 10 working days from Friday 1 October 2027: due at the end of Friday 15 October
        assertThat(due).isEqualTo(Instant.parse("2027-10-15T23:00:00Z"));

        clock.set(due.minusSeconds(1));
        escalator.fireDue();
        assertThat(escalationsFor(exportId)).isEmpty();

        clock.set(due);
        escalator.fireDue();
        JsonNode reminder = awaitEscalation(exportId, "reminder");
        assertThat(reminder.at("/body/missing/0").asText()).isEqualTo(CLOCK);
        assertThat(reminder.path("recipients").get(0).asText()).isEqualTo(BOARD);

        // five working days later, the board's managers (its directory contacts)
        clock.set(Instant.parse("2027-10-22T23:00:00Z"));
        escalator.fireDue();
        JsonNode managers = awaitEscalation(exportId, "manager-notice");
        assertThat(managers.at("/body/addressees/0/role").asText()).isEqualTo("senior-safeguarding-manager");
    }

    @Test
    void should_send_the_months_missed_while_the_hub_was_down_when_it_runs_again() {
        clock.set(Instant.parse("2026-07-01T07:00:00Z"));
        assertThat(exports.sweep()).containsExactly(YearMonth.of(2026, 6));

        // down from 2 July to 2 September: July and August, each once, oldest first
        clock.set(Instant.parse("2026-09-02T09:00:00Z"));
        assertThat(anotherInstance().sweep()).containsExactly(YearMonth.of(2026, 7), YearMonth.of(2026, 8));
        assertThat(exports.sweep()).isEmpty();
        for (String month : List.of("2026-06", "2026-07", "2026-08")) {
            await().atMost(WAIT).until(() -> inboxCopies(exportId(month)).size() == 1);
        }
    }

    @Test
    void should_refuse_to_export_to_an_agency_the_directory_does_not_have_and_an_export_an_agency_sends() {
        BoardExports lost = new BoardExports(Optional.of("atlantis-safeguarding-board"), 1, 3, "definitions",
                reports, directory, intake, keys, transactions, clock);
        assertThatThrownBy(lost::sweep).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.national-board.agency").hasMessageContaining("atlantis-safeguarding-board");
        BoardExports notABoard = new BoardExports(Optional.of("cardiff-childrens-services"), 1, 3, "definitions",
                reports, directory, intake, keys, transactions, clock);
        assertThatThrownBy(notABoard::sweep).hasMessageContaining("must be a safeguarding-board");
        BoardExports off = new BoardExports(Optional.empty(), 1, 3, "definitions", reports, directory, intake, keys,
                transactions, clock);
        assertThat(off.sweep()).isEmpty();

        // only the hub makes it: a council sending one is refused
        ObjectNode forged = Messages.example("valid/board-report-export.json");
        forged.put("messageId", UUID.randomUUID().toString()).put("sender", "cardiff-childrens-services");
        HubApi.send("cardiff-childrens-services", forged).statusCode(422)
                .body("violations[0].pointer", equalTo("/type"))
                .body("violations[0].rule", equalTo("hub-only-type"));
    }

    // ---- helpers ----

    private BoardExports anotherInstance() {
        return new BoardExports(Optional.of(BOARD), 1, 3, "hub-routes/CONSOLE-API.md#get-reports", reports,
                directory, intake, keys, transactions, clock);
    }

    private UUID exportId(String month) {
        return keys.ids().of(wales.safeguarding.schemas.envelope.DerivedIds.BOARD_REPORT_EXPORT, BOARD, month);
    }

    private JsonNode awaitOneInTheBoardsInbox(UUID messageId) {
        await().atMost(WAIT).until(() -> !inboxCopies(messageId).isEmpty());
        List<JsonNode> copies = inboxCopies(messageId);
        assertThat(copies).hasSize(1);
        return copies.get(0).path("message");
    }

    /** The national board's copies of a message, from its whole pull inbox. */
    private static List<JsonNode> inboxCopies(UUID messageId) {
        return boardInbox().stream().filter(item -> item.path("messageId").asText().equals(messageId.toString()))
                .toList();
    }

    private static List<JsonNode> escalationsFor(UUID exportId) {
        return boardInbox().stream().filter(item -> "escalation".equals(item.path("type").asText()))
                .map(item -> item.path("message"))
                .filter(message -> exportId.toString().equals(message.path("correlationId").asText())).toList();
    }

    /** The national board's whole pull inbox read as JSON (numbers as Jackson reads them), page after page. */
    private static List<JsonNode> boardInbox() {
        List<JsonNode> items = new ArrayList<>();
        long cursor = 0;
        while (true) {
            JsonNode page;
            try {
                page = JSON.readTree(given().header("Authorization", Tokens.bearer(BOARD)).queryParam("after", cursor)
                        .queryParam("limit", 500).get("/api/v1/inbox").then().statusCode(200).extract().asString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (page.path("items").isEmpty()) {
                return items;
            }
            page.path("items").forEach(items::add);
            cursor = page.path("next").asLong();
        }
    }

    private static JsonNode awaitEscalation(UUID exportId, String step) {
        await().atMost(ESCALATION_WAIT).until(() -> escalationsFor(exportId).stream()
                .anyMatch(e -> step.equals(e.at("/body/step").asText())));
        return escalationsFor(exportId).stream().filter(e -> step.equals(e.at("/body/step").asText())).findFirst()
                .orElseThrow();
    }

    private ObjectNode acknowledgement(UUID exportId) {
        ObjectNode ack = JSON.createObjectNode();
        ack.put("messageId", UUID.randomUUID().toString()).put("type", "acknowledgement").put("schemaVersion", "1.0")
                .put("sender", BOARD).putArray("recipients");
        ack.put("correlationId", exportId.toString()).put("language", "en").put("securityLabel", "OFFICIAL-SENSITIVE")
                .put("createdAt", clock.instant().toString());
        ack.putObject("body").put("status", "accepted").put("acknowledgedAt", clock.instant().toString());
        return ack;
    }
}

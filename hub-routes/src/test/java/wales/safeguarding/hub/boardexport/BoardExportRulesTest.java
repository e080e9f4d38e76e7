package wales.safeguarding.hub.boardexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.oversight.BoardReportExport;

/** Issue 15 item 5: the monthly export is the hub's own, and its acceptance starts the board's acknowledgement clock. */
class BoardExportRulesTest {

    private static final String BOARD = "national-independent-safeguarding-board";
    private static final Instant AT = Instant.parse("2027-02-01T07:00:00Z");

    private final BoardExportRules rules = new BoardExportRules();

    @Test
    void should_accept_an_export_from_the_hub_to_the_board_it_names() {
        Routing routing = rules.route(export("hub", List.of(BOARD)), null);

        assertThat(routing.violations()).isEmpty();
    }

    @Test
    void should_refuse_an_export_an_agency_sends_as_the_hub_alone_makes_it() {
        Routing routing = rules.route(export("cardiff-childrens-services", List.of(BOARD)), null);

        assertThat(routing.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/type");
            assertThat(v.rule()).isEqualTo("hub-only-type");
        });
    }

    @Test
    void should_start_the_boards_acknowledgement_clock_for_the_month_owed_by_the_board() {
        List<Effect> effects = rules.accepted(export("hub", List.of(BOARD)), AT, null);

        assertThat(effects).containsExactly(new Effect.StartClock("board-report-export-acknowledgement", null,
                "2027-01", BOARD, BOARD, AT));
    }

    private static Envelope export(String sender, List<String> recipients) {
        var body = new BoardReportExport(new BoardReportExport.Period("2027-01", java.time.LocalDate.of(2027, 1, 1),
                java.time.LocalDate.of(2027, 1, 31)), "hub-routes/CONSOLE-API.md#get-reports",
                new BoardReportExport.Reports(CanonicalJson.mapper().createObjectNode(),
                        CanonicalJson.mapper().createObjectNode()), new BoardReportExport.Csv("group,name\r\n",
                        "group,name\r\n"));
        return new Envelope(UUID.randomUUID(), MessageType.BOARD_REPORT_EXPORT, Envelope.SCHEMA_VERSION, sender,
                recipients, null, null, null, Language.EN, "OFFICIAL-SENSITIVE",
                OffsetDateTime.parse("2027-02-01T07:00:00Z"), null, CanonicalJson.mapper().valueToTree(body));
    }
}

package wales.safeguarding.hub.boardexport;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import wales.safeguarding.hub.console.BoardReport;
import wales.safeguarding.hub.console.BoardScope;
import wales.safeguarding.hub.console.ReportCsv;
import wales.safeguarding.hub.console.Reports;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.intake.MessageIdKey;
import wales.safeguarding.hub.intake.MessageIntake;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.oversight.BoardReportExport;

/**
 * Sends the boards' report of each complete month to the National Independent Safeguarding Board (issue 15 item 5):
 * the console's report for that month, by council and by agency, as JSON and as CSV ({@link Reports},
 * {@link ReportCsv}: the same figures, counted once), as a {@code board-report-export} from the hub through the
 * normal intake ({@link MessageIntake#acceptFromHub}), so it is stored, tracked, delivered durably and starts its
 * acknowledgement clock ({@link BoardExportRules}).
 *
 * <p>Exactly once per month, with several hub instances: a sweep runs under an advisory lock (one instance at a time,
 * the others skip), the message id is derived from the board and the month under the hub's key
 * ({@link DerivedIds#BOARD_REPORT_EXPORT}: every instance derives the same), a month already stored is not made
 * again, and the intake keeps one message per id. Which months are due: {@link ExportSchedule}.
 *
 * <p>No {@code hub.national-board.agency}: no export (said once at start). One that names no safeguarding board with
 * an endpoint in the directory: each sweep fails with an error naming the key and the agency, and sends nothing.
 */
@ApplicationScoped
@Named("boardExports")
public class BoardExports {

    private static final Logger LOG = Logger.getLogger(BoardExports.class);
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The advisory lock of the sweep ("nisb" in ASCII, then 1): one hub instance at a time. */
    static final long SWEEP_LOCK = 0x6e697362_00000001L;
    static final String SECURITY_LABEL = "OFFICIAL-SENSITIVE";
    /**
     * The report as the console writes it: the canonical mapper, but a rate with nothing to divide by stays a null
     * (the canonical mapper leaves nulls out), so each row has every measure the console's row has.
     */
    private static final ObjectMapper REPORT_JSON = CanonicalJson.mapper().copy()
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                    JsonInclude.Include.ALWAYS));

    private final Optional<String> agency;
    private final ExportSchedule schedule;
    private final String definitions;
    private final Reports reports;
    private final Directory directory;
    private final MessageIntake intake;
    private final MessageIdKey keys;
    private final Transactions transactions;
    private final Clock clock;

    public BoardExports(@ConfigProperty(name = "hub.national-board.agency") Optional<String> agency,
            @ConfigProperty(name = "hub.national-board.export-day") int exportDay,
            @ConfigProperty(name = "hub.national-board.catch-up-months") int catchUpMonths,
            @ConfigProperty(name = "hub.national-board.definitions") String definitions,
            Reports reports, Directory directory, MessageIntake intake, MessageIdKey keys, Transactions transactions,
            Clock clock) {
        this.agency = agency.map(String::strip).filter(a -> !a.isEmpty());
        this.schedule = new ExportSchedule(exportDay, catchUpMonths);
        this.definitions = definitions;
        this.reports = reports;
        this.directory = directory;
        this.intake = intake;
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
    }

    void atStart(@Observes StartupEvent start) {
        if (agency.isEmpty()) {
            LOG.info("board report export: off (hub.national-board.agency is not set): no monthly export to the "
                    + "National Independent Safeguarding Board");
        } else {
            LOG.infof("board report export: each month's report to agency '%s' from day %d of the next month",
                    agency.get(), schedule.exportDay());
        }
    }

    /**
     * Sends each month's export that is due and not yet sent, oldest first; returns the months sent (empty: nothing
     * due, no agency configured, or another instance is sweeping).
     *
     * @throws IllegalStateException when {@code hub.national-board.agency} names no safeguarding board with an
     *                               endpoint in the directory
     */
    public List<YearMonth> sweep() {
        if (agency.isEmpty()) {
            return List.of();
        }
        Agency board = board(agency.get());
        return transactions.inTransaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, SWEEP_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return List.<YearMonth>of(); // another instance is sweeping
                    }
                }
            }
            return sendDue(board);
        });
    }

    private List<YearMonth> sendDue(Agency board) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LONDON);
        Set<YearMonth> sent = new HashSet<>();
        for (YearMonth month : schedule.window(today)) {
            if (keys.find(Routing.HUB, MessageType.BOARD_REPORT_EXPORT,
                    keys.ids().candidates(DerivedIds.BOARD_REPORT_EXPORT, board.id(), month.toString())).isPresent()) {
                sent.add(month);
            }
        }
        List<YearMonth> due = schedule.due(today, sent);
        List<YearMonth> done = new ArrayList<>();
        for (YearMonth month : due) {
            var acceptance = intake.acceptFromHub(export(board, month));
            if (!acceptance.duplicate()) {
                LOG.infof("board report export: %s sent to '%s' as message %s", month, board.id(),
                        acceptance.messageId());
                done.add(month);
            }
        }
        return done;
    }

    /** The export of {@code month} to {@code board}: the console's report of that month, JSON and CSV. */
    Envelope export(Agency board, YearMonth month) {
        String from = month.atDay(1).toString();
        String to = month.atEndOfMonth().toString();
        BoardReport.Report byCouncil = reports.report(from, to, BoardReport.GroupBy.COUNCIL.wireName(), null,
                BoardScope.wales());
        BoardReport.Report byAgency = reports.report(from, to, BoardReport.GroupBy.AGENCY.wireName(), null,
                BoardScope.wales());
        var body = new BoardReportExport(
                new BoardReportExport.Period(month.toString(), month.atDay(1), month.atEndOfMonth()), definitions,
                new BoardReportExport.Reports(REPORT_JSON.valueToTree(byCouncil), REPORT_JSON.valueToTree(byAgency)),
                new BoardReportExport.Csv(ReportCsv.write(byCouncil), ReportCsv.write(byAgency)));
        UUID id = keys.idFor(Routing.HUB, MessageType.BOARD_REPORT_EXPORT, DerivedIds.BOARD_REPORT_EXPORT, board.id(),
                month.toString());
        Language language = board.language() == LanguagePreference.EN ? Language.EN : Language.CY;
        return new Envelope(id, MessageType.BOARD_REPORT_EXPORT, Envelope.SCHEMA_VERSION, Routing.HUB,
                List.of(board.id()), null, null, null, language, SECURITY_LABEL,
                clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC), null,
                CanonicalJson.mapper().valueToTree(body));
    }

    private Agency board(String id) {
        Agency board = directory.find(id).orElseThrow(() -> new IllegalStateException("hub.national-board.agency "
                + "names '" + id + "', which is not in the directory: add the National Independent Safeguarding Board "
                + "(kind safeguarding-board, with an endpoint) or correct the key; no board report export is sent"));
        if (board.kind() != AgencyKind.SAFEGUARDING_BOARD || !board.receives()) {
            throw new IllegalStateException("hub.national-board.agency names '" + id + "', a "
                    + board.kind().wireName() + (board.receives() ? "" : " with no endpoint") + ": it must be a "
                    + "safeguarding-board with an endpoint; no board report export is sent");
        }
        return board;
    }
}

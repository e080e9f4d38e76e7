package wales.safeguarding.hub.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;

/** Builds the board report for a period of days (inclusive, Europe/London). */
@ApplicationScoped
public class Reports {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int DEFAULT_DAYS = 28;

    private final Transactions transactions;
    private final ReportRepository repository;
    private final Directory directory;
    private final Clock clock;

    public Reports(Transactions transactions, ReportRepository repository, Directory directory, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.directory = directory;
        this.clock = clock;
    }

    /** From and to default to the last 28 days up to today. */
    public BoardReport.Report report(String fromParam, String toParam, String groupByParam) {
        return report(fromParam, toParam, groupByParam, null);
    }

    /**
     * With a council (its agency id), only that council's row of the report by council, counted from its own rows
     * (its copies, its invitations, the clocks it owes or waits for) instead of the whole of Wales's: the same row as
     * in the report of every council. A council goes with grouping by council only.
     */
    public BoardReport.Report report(String fromParam, String toParam, String groupByParam, String councilParam) {
        return report(fromParam, toParam, groupByParam, councilParam, BoardScope.wales());
    }

    /**
     * As {@link #report(String, String, String, String)}, of what {@code scope} covers: a regional board's viewer
     * gets only its region's councils (and each agency's figures from them); a council outside it is refused (403).
     */
    public BoardReport.Report report(String fromParam, String toParam, String groupByParam, String councilParam,
            BoardScope scope) {
        BoardReport.GroupBy groupBy = BoardReport.GroupBy.parse(groupByParam);
        String council = councilParam == null || councilParam.isBlank() ? null : councilParam.trim();
        if (council != null && groupBy != BoardReport.GroupBy.COUNCIL) {
            throw ConsoleProblems.invalid("council", "needs-group-by-council", "council goes with groupBy=council");
        }
        if (council != null && directory.find(council).filter(a -> a.kind() == AgencyKind.COUNCIL).isEmpty()) {
            throw ConsoleProblems.invalid("council", "unknown", "not a council in the directory");
        }
        if (council != null && !scope.councils(directory::find).test(council)) {
            throw new wales.safeguarding.hub.problems.ProblemException(wales.safeguarding.hub.problems.Problem.of(
                    "forbidden", "Not your region", 403, "council '" + council + "' is not in the region of "
                            + scope.regionalBoard().orElse("")));
        }
        LocalDate to = ConsoleParams.date("to", toParam);
        to = to == null ? LocalDate.ofInstant(clock.instant(), LONDON) : to;
        LocalDate from = ConsoleParams.date("from", fromParam);
        from = from == null ? to.minusDays(DEFAULT_DAYS - 1L) : from;
        if (from.isAfter(to)) {
            throw ConsoleProblems.invalid("to", "not-before-from", "to must be on or after from");
        }
        var start = from.atStartOfDay(LONDON).toInstant();
        var end = to.plusDays(1).atStartOfDay(LONDON).toInstant();
        var now = clock.instant();
        if (council == null) {
            ReportFacts facts = transactions.inTransaction(c -> repository.facts(c, start, end, now));
            return new BoardReport(directory::find, scope).build(from, to, groupBy, facts, now);
        }
        ReportFacts facts = transactions.inTransaction(c -> repository.councilFacts(c, start, end, now, council));
        BoardReport.Report all = new BoardReport(directory::find, scope).build(from, to, groupBy, facts, now);
        return new BoardReport.Report(all.from(), all.to(), all.groupBy(), all.daysToOutcomeAre(), all.at(),
                all.rows().stream().filter(r -> r.group().equals(council)).toList());
    }
}

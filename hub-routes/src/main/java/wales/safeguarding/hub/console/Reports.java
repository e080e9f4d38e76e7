package wales.safeguarding.hub.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Transactions;
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
        BoardReport.GroupBy groupBy = BoardReport.GroupBy.parse(groupByParam);
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
        ReportFacts facts = transactions.inTransaction(c -> repository.facts(c, start, end, now));
        return new BoardReport(directory::find).build(from, to, groupBy, facts, now);
    }
}

package wales.safeguarding.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hub's heavy queries, copied from the classes named (keep them in step when those change), run with
 * {@code EXPLAIN (ANALYZE, BUFFERS)} on the loaded database. The console's figures over HTTP are the measure; these
 * plans say why. Read-only: the sweep's query is only a select.
 */
final class ScaleQueries {

    private record Query(String name, String sql, Object... parameters) {
    }

    private final List<Query> queries = new ArrayList<>();

    ScaleQueries(ScaleLoader loader, Instant now) {
        Timestamp t = Timestamp.from(now);
        Timestamp yearAgo = Timestamp.from(now.minus(Duration.ofDays(365)));
        Timestamp halfHour = Timestamp.from(now.minus(Duration.ofMinutes(30)));
        Timestamp hour = Timestamp.from(now.minus(Duration.ofHours(1)));
        String council = loader.council(0);
        String messageRow = "select m.message_id, m.message_type, m.sender, m.case_reference, m.accepted_at from message m";
        String order = " order by m.accepted_at desc, m.message_id desc limit 50";
        add("ClockRepository.claimReportsWithDueClocks (escalation sweep)", """
                select m.message_id
                from (select message_id, min(next_escalation_at) as first_due from statutory_clock
                      where next_escalation_at <= ? and met_at is null group by message_id
                      order by first_due, message_id limit ?) due
                join message m on m.message_id = due.message_id
                order by due.first_due, m.message_id
                limit ?
                for no key update of m skip locked""", t, 2000, 500);
        add("ConsoleMetricsRepository.waiting (now view, every 2 s)", """
                select d.recipient, count(*), min(m.accepted_at) from delivery d join message m on m.message_id = d.message_id
                where d.state in ('accepted', 'queued', 'failed') group by d.recipient order by d.recipient""");
        add("ConsoleMetricsRepository.acceptedPerMinute (now view)",
                "select date_trunc('minute', accepted_at), count(*) from message where accepted_at >= ? group by 1",
                halfHour);
        add("ConsoleMetricsRepository.statesPerMinute (now view)",
                "select date_trunc('minute', at), count(*) from audit_event where event = 'state-changed'"
                        + " and at >= ? and to_state in ('failed', 'dead-lettered') group by 1", halfHour);
        add("ConsoleMetricsRepository.deliveryLatencyPercentilesMs (now view)", """
                select percentile_disc(array[0.5, 0.9, 0.99]::float8[]) within group (order by ms) from (
                    select greatest(0, (extract(epoch from (a.at - m.accepted_at)) * 1000)::bigint) as ms
                    from (select message_id, at from audit_event
                          where event = 'state-changed' and to_state = 'delivered' and at >= ?
                          order by at desc limit ?) a
                    join message m on m.message_id = a.message_id) latest""", hour, 1000);
        add("ConsoleMetricsRepository.overdueClocks (now view)",
                "select count(*) from statutory_clock where met_at is null and due_at < ?", t);
        add("ConsoleMetricsRepository.openEscalations (now view)", """
                select count(*) from statutory_clock k
                where k.met_at is null and exists (select 1 from escalation e where e.clock_id = k.id)""");
        add("ConsoleMessageRepository.deadLetters (no filter)", """
                select d.message_id, d.recipient, m.message_type, d.last_error, d.attempts, d.replays, d.updated_at
                from delivery d join message m on m.message_id = d.message_id
                where d.state = 'dead-lettered' and (?::text is null or d.recipient = ?)
                  and (?::text is null or m.message_type = ?)
                  and (?::text is null or strpos(lower(coalesce(d.last_error, '')), lower(?)) > 0)
                order by d.updated_at desc, d.message_id limit ?""", null, null, null, null, null, null, 50);
        add("ConsoleMessageRepository.search state=dead-lettered (before V19)", messageRow + " where true and exists (select 1 from"
                + " delivery d where d.message_id = m.message_id and d.state = ?)" + order, "dead-lettered");
        add("ConsoleMessageRepository.search state=queued", messageRow + " where true and exists (select 1 from"
                + " delivery d where d.message_id = m.message_id and d.state = ?)" + order, "queued");
        add("ConsoleMessageRepository.search state=dead-lettered (by id, as MessageFilter writes it since V19)",
                messageRow + " where true and m.message_id = any (array (select d.message_id from delivery d"
                + " where d.state = 'dead-lettered'))" + order);
        add("ConsoleMessageRepository.search state=outcome-given (literal)", messageRow + " where true and exists"
                + " (select 1 from delivery d where d.message_id = m.message_id and d.state = 'outcome-given')" + order);
        add("ConsoleMessageRepository.search type=conference-invitation", messageRow
                + " where true and m.message_type = ?" + order, "conference-invitation");
        add("ConsoleMessageRepository.search agency=council", messageRow + " where true and (m.sender = ? or exists"
                + " (select 1 from delivery d where d.message_id = m.message_id and d.recipient = ?))" + order, council,
                council);
        add("ConsoleMessageRepository.search overdue=true", messageRow + " where true and exists (select 1 from"
                + " statutory_clock k where k.message_id = m.message_id and k.met_at is null and k.due_at < ?)" + order, t);
        add("ConsoleMessageRepository.search type+agency+state", messageRow + " where true and m.message_type = ? and"
                + " (m.sender = ? or exists (select 1 from delivery d where d.message_id = m.message_id and"
                + " d.recipient = ?)) and exists (select 1 from delivery d where d.message_id = m.message_id and"
                + " d.state = ?)" + order, "duty-to-report", council, council, "dead-lettered");
        add("ReportRepository.dutyToReportRecipients (board report, a year)", """
                select d.recipient, count(*) from message m join delivery d on d.message_id = m.message_id
                where m.message_type = 'duty-to-report' and m.accepted_at >= ? and m.accepted_at < ?
                group by d.recipient""", yearAgo, t);
        add("ReportRepository.invitations (board report, a year; the reached ones as a set, since V21)", """
                select m.sender, gp.message_id is not null as gp, count(*)
                from message m
                left join (select distinct i.message_id from message i
                           join case_child cc on cc.case_reference = i.case_reference
                           join delivery d on d.message_id = i.message_id and d.recipient = cc.gp_practice
                           where i.message_type = 'conference-invitation' and i.accepted_at >= ? and i.accepted_at < ?) gp
                       on gp.message_id = m.message_id
                where m.message_type = 'conference-invitation' and m.accepted_at >= ? and m.accepted_at < ?
                group by 1, 2""", yearAgo, t, yearAgo, t);
        add("ReportRepository.invitations (board report, a year; a sub-query per invitation, before V21)", """
                select m.sender, exists (select 1 from delivery d join case_child cc on cc.case_reference = m.case_reference
                                         where d.message_id = m.message_id and d.recipient = cc.gp_practice) as gp,
                       count(*)
                from message m
                where m.message_type = 'conference-invitation' and m.accepted_at >= ? and m.accepted_at < ?
                group by 1, 2""", yearAgo, t);
        add("ReportRepository.clocks (board report, a year)", """
                select clock, owed_by, waiting,
                       case when met_at is not null and met_at <= due_at then 'MET_ON_TIME'
                            when met_at is not null then 'MET_LATE'
                            when due_at < ? then 'OVERDUE'
                            else 'NOT_YET_DUE' end as outcome,
                       case when clock = 'report-outcome' and met_at is not null
                            then trunc(extract(epoch from met_at - started_at) / 60)::bigint end as minutes,
                       count(*)
                from statutory_clock
                where started_at >= ? and started_at < ?
                group by 1, 2, 3, 4, 5""", t, yearAgo, t);
        add("ReportRepository.COUNCIL_DUTY_TO_REPORTS (board report, a year, one council; V22)", """
                select d.recipient, count(*) from delivery d
                cross join lateral (select 1 from message m
                                    where m.message_id = d.message_id and m.message_type = 'duty-to-report'
                                      and m.accepted_at >= ? and m.accepted_at < ? limit 1) report
                where d.recipient = ?
                group by d.recipient""", yearAgo, t, council);
        add("ReportRepository.COUNCIL_INVITATIONS (board report, a year, one council)", """
                select m.sender, exists (select 1 from delivery d join case_child cc on cc.case_reference = m.case_reference
                                         where d.message_id = m.message_id and d.recipient = cc.gp_practice) as gp,
                       count(*)
                from message m
                where m.sender = ? and m.message_type = 'conference-invitation' and m.accepted_at >= ? and m.accepted_at < ?
                group by 1, 2""", council, yearAgo, t);
        add("ReportRepository.COUNCIL_CLOCKS (board report, a year, one council; V22)", """
                select clock, owed_by, waiting,
                       case when met_at is not null and met_at <= due_at then 'MET_ON_TIME'
                            when met_at is not null then 'MET_LATE'
                            when due_at < ? then 'OVERDUE'
                            else 'NOT_YET_DUE' end as outcome,
                       case when clock = 'report-outcome' and met_at is not null
                            then trunc(extract(epoch from met_at - started_at) / 60)::bigint end as minutes,
                       count(*)
                from (select clock, owed_by, waiting, started_at, due_at, met_at from statutory_clock
                      where owed_by = ? and started_at >= ? and started_at < ?
                      union all
                      select clock, owed_by, waiting, started_at, due_at, met_at from statutory_clock
                      where waiting = ? and owed_by <> ? and started_at >= ? and started_at < ?) k
                group by 1, 2, 3, 4, 5""", t, council, yearAgo, t, council, council, yearAgo, t);
        add("ConsoleAuditRepository.find (no filter)", """
                select id, at, actor, action, message_id, recipient, target, reason, detail from console_audit
                where (?::text is null or actor = ?) and (?::uuid is null or message_id = ?)
                  and (?::timestamptz is null or at >= ?) and (?::timestamptz is null or at < ?)
                order by id desc limit ?""", null, null, null, null, null, null, null, null, 50);
    }

    private void add(String name, String sql, Object... parameters) {
        queries.add(new Query(name, sql, parameters));
    }

    /** Prints each query's execution time and top plan node; writes the whole plans to {@code file}. */
    void explainAll(Connection c, Path file, String when) throws SQLException, IOException {
        StringBuilder all = new StringBuilder("==== " + when + ", " + Instant.now() + "\n");
        ScaleBenchmark.line("QUERY PLANS %s (EXPLAIN (ANALYZE, BUFFERS) by the driver; whole plans in %s):", when, file);
        for (Query q : queries) {
            List<String> plan = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + q.sql)) {
                for (int i = 0; i < q.parameters.length; i++) {
                    ps.setObject(i + 1, q.parameters[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
            }
            String time = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?")
                    .replace("Execution Time: ", "");
            String top = plan.get(0).replaceAll("\\s+\\(cost=.*", "").trim();
            String scans = plan.stream().filter(l -> l.contains("Seq Scan") && !l.contains("cost=0.00..0.00")).map(l -> l.replaceAll(".*Seq Scan on (\\S+).*", "$1").replaceAll("_p[0-9]{6}|_default$", "_*"))
                    .distinct().reduce((a, b) -> a + "," + b).map(s -> " SEQ SCAN " + s).orElse("");
            ScaleBenchmark.line("  %-62s %12s  %s%s", q.name, time, top, scans);
            all.append("\n-- ").append(q.name).append('\n');
            plan.forEach(l -> all.append(l).append('\n'));
        }
        Files.writeString(file, all.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }
}

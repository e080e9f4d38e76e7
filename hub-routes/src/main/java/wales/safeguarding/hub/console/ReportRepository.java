package wales.safeguarding.hub.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Rows;

/** The facts behind the board report, for messages accepted and clocks started in {@code [from, to)}. */
@ApplicationScoped
public class ReportRepository {

    /** Memory for the report's counting, per query node, for the report's transaction only. */
    static final String WORK_MEM = "64MB";

    /**
     * The facts, counted by the database. Every query reads the period's rows once and returns only counts: a row per
     * recipient, per council and GP outcome, and per clock name, agencies, outcome and (met report-outcome clocks)
     * minutes to the outcome. Run in a transaction: the clock counts (at a million messages about 180,000 groups) get
     * {@link #WORK_MEM} for this transaction only, so that PostgreSQL counts them in one in-memory hash instead of an
     * external sort of 730,000 rows written to disk and read back (its default is 4 MB).
     */
    public ReportFacts facts(Connection c, Instant from, Instant to, Instant now) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local work_mem = '" + WORK_MEM + "'");
        }
        return new ReportFacts(dutyToReportRecipients(c, from, to), invitations(c, from, to), clocks(c, from, to, now),
                voices(c, from, to, null), answers(c, from, to, null), attendance(c, from, to, null),
                challenges(c, from, to, null), register(c, from, to, null));
    }

    /**
     * The facts of one council's row of the report by council ({@link BoardReport#build} with {@code COUNCIL}): its
     * duty-to-report copies, the invitations it sent, and the clocks it owes or waits for (the report counts a clock
     * for the council that owes it, else for the council waiting; the few clocks owed by another council and waited
     * for by this one are read here too and fall into that other council's row, which the caller leaves out). Each
     * query reads only the council's rows through its own index (V22), not a year of Wales: at a million messages
     * about a twentieth of the rows. {@code ReportQueriesFlowTest} checks the row equals that of the whole report.
     */
    public ReportFacts councilFacts(Connection c, Instant from, Instant to, Instant now, String council)
            throws SQLException {
        return new ReportFacts(councilDutyToReports(c, from, to, council), councilInvitations(c, from, to, council),
                councilClocks(c, from, to, now, council), voices(c, from, to, council), answers(c, from, to, council),
                attendance(c, from, to, council), challenges(c, from, to, council), register(c, from, to, council));
    }

    private static Map<String, Long> dutyToReportRecipients(Connection c, Instant from, Instant to)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select d.recipient, count(*) from message m join delivery d on d.message_id = m.message_id
                where m.message_type = 'duty-to-report' and m.accepted_at >= ? and m.accepted_at < ?
                group by d.recipient""")) {
            period(ps, from, to);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : Rows.list(ps, rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
                counts.put(e.getKey(), e.getValue());
            }
            return counts;
        }
    }

    /**
     * Invitations per council, and whether each reached a GP practice of one of its case's children. The invitations
     * that did are found once, as a set (hash joins over the period's invitations, their case's children and the
     * copies), not by a look-up per invitation: at a million messages 120,000 invitations made 840,000 index page
     * reads, 2–4 times slower. Same counts as {@link #INVITATIONS_PER_ROW}, which {@code ReportQueriesFlowTest} checks.
     */
    static final String INVITATIONS = """
            select m.sender, gp.message_id is not null as gp, count(*)
            from message m
            left join (select distinct i.message_id from message i
                       join case_child cc on cc.case_reference = i.case_reference
                       join delivery d on d.message_id = i.message_id and d.recipient = cc.gp_practice
                       where i.message_type = 'conference-invitation' and i.accepted_at >= ? and i.accepted_at < ?) gp
                   on gp.message_id = m.message_id
            where m.message_type = 'conference-invitation' and m.accepted_at >= ? and m.accepted_at < ?
            group by 1, 2""";

    /** The invitations' counts as they were first written (a sub-query per invitation); kept for the test above. */
    static final String INVITATIONS_PER_ROW = """
            select m.sender, exists (select 1 from delivery d join case_child cc on cc.case_reference = m.case_reference
                                     where d.message_id = m.message_id and d.recipient = cc.gp_practice) as gp,
                   count(*)
            from message m
            where m.message_type = 'conference-invitation' and m.accepted_at >= ? and m.accepted_at < ?
            group by 1, 2""";

    static List<ReportFacts.Invitations> invitations(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INVITATIONS)) {
            period(ps, from, to);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            return Rows.list(ps, rs -> new ReportFacts.Invitations(rs.getString(1), rs.getBoolean(2), rs.getLong(3)));
        }
    }

    /**
     * The clocks' columns and counts, grouped by clock, owed by, waiting, outcome and minutes (the first parameter is
     * now, for the overdue ones): the outcome's rule is {@link ReportFacts.Outcome#of}; minutes truncated as
     * {@code Duration.toMinutes} does. Followed by the {@code from} and {@code where} of the clocks counted.
     */
    private static final String CLOCK_OUTCOMES = """
            select clock, owed_by, waiting,
                   case when met_at is not null and met_at <= due_at then 'MET_ON_TIME'
                        when met_at is not null then 'MET_LATE'
                        when due_at < ? then 'OVERDUE'
                        else 'NOT_YET_DUE' end as outcome,
                   case when clock = 'report-outcome' and met_at is not null
                        then trunc(extract(epoch from met_at - started_at) / 60)::bigint end as minutes,
                   count(*)
            """;

    /** Every clock started in the period ({@link #CLOCK_OUTCOMES}). */
    static List<ReportFacts.ClockFact> clocks(Connection c, Instant from, Instant to, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLOCK_OUTCOMES + """
                from statutory_clock
                where started_at >= ? and started_at < ?
                group by 1, 2, 3, 4, 5""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            return Rows.list(ps, ReportRepository::clockFact);
        }
    }

    /**
     * One recipient's duty-to-report copies: its copies by V22's {@code delivery_recipient_message}, then each one's
     * message by its key. The lateral sub-query with its limit keeps it to those look-ups: as a join, the planner
     * hashed the council's 34,000 copies against every message of the year read by a sequential scan (36,000 pages,
     * 250–540 ms at a million messages) whenever the covering index's recent pages were not yet all-visible; by key,
     * 140 ms whatever the visibility map says.
     */
    static final String COUNCIL_DUTY_TO_REPORTS = """
            select d.recipient, count(*) from delivery d
            cross join lateral (select 1 from message m
                                where m.message_id = d.message_id and m.message_type = 'duty-to-report'
                                  and m.accepted_at >= ? and m.accepted_at < ? limit 1) report
            where d.recipient = ?
            group by d.recipient""";

    static Map<String, Long> councilDutyToReports(Connection c, Instant from, Instant to, String council)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COUNCIL_DUTY_TO_REPORTS)) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setString(3, council);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : Rows.list(ps, rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
                counts.put(e.getKey(), e.getValue());
            }
            return counts;
        }
    }

    /** {@link #INVITATIONS_PER_ROW} for one sender: a few thousand a year, found by {@code message_sender}. */
    static final String COUNCIL_INVITATIONS = """
            select m.sender, exists (select 1 from delivery d join case_child cc on cc.case_reference = m.case_reference
                                     where d.message_id = m.message_id and d.recipient = cc.gp_practice) as gp,
                   count(*)
            from message m
            where m.sender = ? and m.message_type = 'conference-invitation' and m.accepted_at >= ? and m.accepted_at < ?
            group by 1, 2""";

    static List<ReportFacts.Invitations> councilInvitations(Connection c, Instant from, Instant to, String council)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COUNCIL_INVITATIONS)) {
            ps.setString(1, council);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            return Rows.list(ps, rs -> new ReportFacts.Invitations(rs.getString(1), rs.getBoolean(2), rs.getLong(3)));
        }
    }

    /**
     * {@link #clocks} for the clocks one agency owes or waits for: the two halves by V22's covering indexes on
     * {@code (owed_by, started_at)} and {@code (waiting, started_at)}, each read from the index alone.
     */
    static final String COUNCIL_CLOCKS = CLOCK_OUTCOMES + """
            from (select clock, owed_by, waiting, started_at, due_at, met_at from statutory_clock
                  where owed_by = ? and started_at >= ? and started_at < ?
                  union all
                  select clock, owed_by, waiting, started_at, due_at, met_at from statutory_clock
                  where waiting = ? and owed_by <> ? and started_at >= ? and started_at < ?) k
            group by 1, 2, 3, 4, 5""";

    static List<ReportFacts.ClockFact> councilClocks(Connection c, Instant from, Instant to, Instant now,
            String council) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COUNCIL_CLOCKS)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, council);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            ps.setString(5, council);
            ps.setString(6, council);
            ps.setTimestamp(7, Timestamp.from(from));
            ps.setTimestamp(8, Timestamp.from(to));
            return Rows.list(ps, ReportRepository::clockFact);
        }
    }

    /**
     * The children's voice at the conferences recorded in the period ({@code child_voice}, V30), counted by council,
     * stage and what was said: every council's ({@link #VOICES}, by {@code child_voice_period}) or one council's
     * ({@link #COUNCIL_VOICES}, by {@code child_voice_council}). A row per child of each invitation and outline plan:
     * at a million messages about 250,000 rows a year, a few hundred groups.
     */
    static final String VOICES = """
            select council, stage, recorded, coalesce(invited, false), advocacy, took_part, why_not, count(*)
            from child_voice
            where recorded_at >= ? and recorded_at < ?
            group by 1, 2, 3, 4, 5, 6, 7""";

    static final String COUNCIL_VOICES = """
            select council, stage, recorded, coalesce(invited, false), advocacy, took_part, why_not, count(*)
            from child_voice
            where recorded_at >= ? and recorded_at < ? and council = ?
            group by 1, 2, 3, 4, 5, 6, 7""";

    static List<ReportFacts.VoiceFact> voices(Connection c, Instant from, Instant to, String council)
            throws SQLException {
        return inPeriod(c, VOICES, COUNCIL_VOICES, from, to, council, rs -> new ReportFacts.VoiceFact(rs.getString(1),
                rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), rs.getString(6),
                rs.getString(7), rs.getLong(8)));
    }

    /**
     * The professional challenges raised in the period ({@code professional_challenge}, V33), by council, the two
     * agencies, the stage reached and whether resolved: every council's (by {@code professional_challenge_period}) or
     * one council's (by {@code professional_challenge_council}).
     */
    static final String CHALLENGES = """
            select council, challenger, challenged, stage, resolution is not null, count(*)
            from professional_challenge
            where raised_at >= ? and raised_at < ?
            group by 1, 2, 3, 4, 5""";

    static final String COUNCIL_CHALLENGES = """
            select council, challenger, challenged, stage, resolution is not null, count(*)
            from professional_challenge
            where raised_at >= ? and raised_at < ? and council = ?
            group by 1, 2, 3, 4, 5""";

    static List<ReportFacts.ChallengeFact> challenges(Connection c, Instant from, Instant to, String council)
            throws SQLException {
        return inPeriod(c, CHALLENGES, COUNCIL_CHALLENGES, from, to, council, rs -> new ReportFacts.ChallengeFact(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getLong(6)));
    }

    /**
     * The period as days (Europe/London), from its two instants (London midnights), as the register's history keeps
     * them: {@code p.d_from} the period's first day, {@code p.d_to} the day after its last.
     */
    private static final String PERIOD_DAYS = """
            with p as (select (?::timestamptz at time zone 'Europe/London')::date as d_from,
                              (?::timestamptz at time zone 'Europe/London')::date as d_to)
            """;

    /**
     * The registrations that began in the period ({@code register_history}, V36, by {@code register_history_added}),
     * by council, day and the day the same child last came off the register before (the same child key in any case;
     * the one child of a case from before sibling groups, key '', in that case only). A few thousand a year.
     * {@code %s}: nothing, or the condition on one council.
     */
    static final String REGISTRATIONS = PERIOD_DAYS + """
            select council, added_on, last_removed_on, count(*)
            from (select h.council, h.added_on,
                         (select max(e.removed_on) from register_history e
                          where e.child_key = h.child_key and e.id <> h.id and e.removed_on <= h.added_on
                            and (h.child_key <> '' or e.case_reference = h.case_reference)) as last_removed_on
                  from register_history h cross join p
                  where h.added_on >= p.d_from and h.added_on < p.d_to %s) r
            group by 1, 2, 3""";

    /** The registrations that ended in the period, by council and their two days. */
    static final String REMOVALS = PERIOD_DAYS + """
            select h.council, h.added_on, h.removed_on, count(*)
            from register_history h cross join p
            where h.removed_on >= p.d_from and h.removed_on < p.d_to %s
            group by 1, 2, 3""";

    /**
     * The registrations open at the end of the period, by council and the review conferences held since each began:
     * conferences of kind review about the child ({@code conference}, V14) booked from the day of registration to the
     * period's end, whose outline plan (which says the conference was held) has come ({@code child_voice}, V30).
     */
    static final String ON_REGISTER = PERIOD_DAYS + """
            select council, reviews_held, count(*)
            from (select h.council,
                         (select count(*) from conference f
                          where f.case_reference = h.case_reference and f.kind = 'review'
                            and h.child_key = any(f.child_keys)
                            and f.starts_at >= (h.added_on::timestamp at time zone 'Europe/London')
                            and f.starts_at < (p.d_to::timestamp at time zone 'Europe/London')
                            and exists (select 1 from child_voice v
                                        where v.case_reference = f.case_reference
                                          and v.conference_id = f.conference_id and v.stage = 'outline-plan'))
                             as reviews_held
                  from register_history h cross join p
                  where h.added_on < p.d_to and (h.removed_on is null or h.removed_on >= p.d_to) %s) r
            group by 1, 2""";

    /** The register's facts for the period: every council's, or one council's. */
    static ReportFacts.Register register(Connection c, Instant from, Instant to, String council) throws SQLException {
        String oneCouncil = "and h.council = ?";
        return new ReportFacts.Register(
                inPeriod(c, REGISTRATIONS.formatted(""), REGISTRATIONS.formatted(oneCouncil), from, to, council,
                        rs -> new ReportFacts.Registration(rs.getString(1), rs.getObject(2, java.time.LocalDate.class),
                                rs.getObject(3, java.time.LocalDate.class), rs.getLong(4))),
                inPeriod(c, REMOVALS.formatted(""), REMOVALS.formatted(oneCouncil), from, to, council,
                        rs -> new ReportFacts.Removal(rs.getString(1), rs.getObject(2, java.time.LocalDate.class),
                                rs.getObject(3, java.time.LocalDate.class), rs.getLong(4))),
                inPeriod(c, ON_REGISTER.formatted(""), ON_REGISTER.formatted(oneCouncil), from, to, council,
                        rs -> new ReportFacts.OnRegister(rs.getString(1), rs.getLong(2), rs.getLong(3))));
    }

    /**
     * The rows of {@code whole} for the period ({@code from}, {@code to}), or with a council of {@code oneCouncil}
     * (the same, its third parameter the council) for that council only.
     */
    private static <T> List<T> inPeriod(Connection c, String whole, String oneCouncil, Instant from, Instant to,
            String council, Rows.Mapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(council == null ? whole : oneCouncil)) {
            period(ps, from, to);
            if (council != null) {
                ps.setString(3, council);
            }
            return Rows.list(ps, mapper);
        }
    }

    /**
     * The answers to duty-to-reports sent in the period, by council, report-maker and the two messages' languages:
     * the period's answers by {@code message_type_accepted} (one council's by {@code message_sender}), each report
     * by its key. About two answers a report: at a million messages a year some 300,000 rows, a few hundred groups.
     */
    static final String ANSWERS = """
            select a.sender, r.sender, r.language, a.language, count(*)
            from message a join message r on r.message_id = a.correlation_id and r.message_type = 'duty-to-report'
            where a.message_type in ('report-acknowledgement', 'report-outcome')
              and a.accepted_at >= ? and a.accepted_at < ?
            group by 1, 2, 3, 4""";

    static final String COUNCIL_ANSWERS = """
            select a.sender, r.sender, r.language, a.language, count(*)
            from message a join message r on r.message_id = a.correlation_id and r.message_type = 'duty-to-report'
            where a.accepted_at >= ? and a.accepted_at < ? and a.sender = ?
              and a.message_type in ('report-acknowledgement', 'report-outcome')
            group by 1, 2, 3, 4""";

    static List<ReportFacts.AnswerFact> answers(Connection c, Instant from, Instant to, String council)
            throws SQLException {
        return inPeriod(c, ANSWERS, COUNCIL_ANSWERS, from, to, council, rs -> new ReportFacts.AnswerFact(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
    }

    /** Places at conferences and attendances, by council, agency and kind: every council's, or one council's. */
    /**
     * Conference places (V31), core group places (V37) and strategy meeting places (V40), as
     * ReportFacts.AttendanceFact's kinds name them.
     */
    static final String ATTENDANCE = attendance("");

    static final String COUNCIL_ATTENDANCE = attendance(" and council = ?");

    /** The attendance query, for the whole of Wales or ({@code oneCouncil}) one council. */
    private static String attendance(String oneCouncil) {
        return """
                select council, agency, kind, attended, count(*)
                from conference_attendance
                where recorded_at >= ? and recorded_at < ?%1$s
                group by 1, 2, 3, 4
                union all
                select council, agency,
                       case when party = 'family' then 'core-group-family'
                            when status = 'apologies-and-report' then 'core-group-apologies-and-report'
                            else 'core-group' end,
                       status = 'attended', count(*)
                from core_group_attendance
                where recorded_at >= ? and recorded_at < ?%1$s
                group by 1, 2, 3, 4
                union all
                select council, agency,
                       case when status = 'apologies-and-report' then 'strategy-meeting-apologies-and-report'
                            else 'strategy-meeting' end,
                       status = 'attended', count(*)
                from strategy_meeting_attendance
                where recorded_at >= ? and recorded_at < ?%1$s
                group by 1, 2, 3, 4""".formatted(oneCouncil);
    }

    static List<ReportFacts.AttendanceFact> attendance(Connection c, Instant from, Instant to, String council)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(council == null ? ATTENDANCE : COUNCIL_ATTENDANCE)) {
            // the period (and council) once for the conferences, once for the core groups, once for strategy meetings
            int parameters = council == null ? 2 : 3;
            for (int part = 0; part < 3; part++) {
                ps.setTimestamp(part * parameters + 1, Timestamp.from(from));
                ps.setTimestamp(part * parameters + 2, Timestamp.from(to));
                if (council != null) {
                    ps.setString(part * parameters + 3, council);
                }
            }
            return Rows.list(ps, rs -> new ReportFacts.AttendanceFact(rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getBoolean(4), rs.getLong(5)));
        }
    }

    private static ReportFacts.ClockFact clockFact(java.sql.ResultSet rs) throws SQLException {
        long minutes = rs.getLong(5);
        return new ReportFacts.ClockFact(rs.getString(1), rs.getString(2), rs.getString(3),
                ReportFacts.Outcome.valueOf(rs.getString(4)), rs.wasNull() ? null : minutes, rs.getLong(6));
    }

    private static void period(PreparedStatement ps, Instant from, Instant to) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(from));
        ps.setTimestamp(2, Timestamp.from(to));
    }
}

package wales.safeguarding.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.database.Rows;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.OwnSchema;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * The board report's invitations counted as a set ({@link ReportRepository#INVITATIONS}) give the same counts as the
 * sub-query per invitation they replaced, on a small data set with every case the rule has: invitations with and
 * without a case, cases with no child, one or two, children with and without a GP practice, copies to the child's
 * practice (to both children's practices, or to another practice) or none, invitations outside the period and
 * other messages. One council's facts ({@link ReportRepository#councilFacts}) give the same row as that council's row of
 * the whole report, over clocks owed by councils, by practices waited for by councils, and by one council to another.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ReportQueriesFlowTest {

    private static final String SCHEMA = "report_queries";
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");
    private static final LocalDate FROM_DAY = LocalDate.parse("2026-01-01");
    private static final LocalDate TO_DAY = LocalDate.parse("2026-12-31");

    @Inject
    DataSource suite;

    private DataSource own;

    @BeforeEach
    void a_year_of_invitations() throws SQLException {
        own = OwnSchema.fresh(suite, SCHEMA);
        OwnSchema.migrate(own, SCHEMA, null);
        OwnSchema.execute(own, """
                insert into child_case (case_reference, council, updated_at)
                select 'CCS-' || n, 'council-' || (n % 3), now() from generate_series(1, 60) n""", """
                insert into case_child (case_reference, child_key, gp_practice, updated_at)
                select 'CCS-' || n, 'child-' || k, case when (n + k) % 7 = 0 then null else 'gp-' || ((n + k) % 5) end,
                       now()
                from generate_series(1, 60) n, generate_series(1, 2) k
                where n % 4 <> 0 and (k = 1 or n % 3 = 0)""", """
                insert into message (message_id, message_type, schema_version, sender, case_reference, language,
                    security_label, created_at, accepted_at, payload_sha256, payload_key)
                select md5('m' || n)::uuid, case when n % 10 = 0 then 'duty-to-report' else 'conference-invitation' end,
                       '1.0', 'council-' || (n % 3), case when n % 11 = 0 then null else 'CCS-' || (n % 60 + 1) end,
                       'en', 'OFFICIAL-SENSITIVE', ts, ts, 'x', 'plain'
                from generate_series(1, 400) n,
                     lateral (select timestamptz '2025-12-01 00:00Z' + n * interval '1 day' as ts) t""", """
                insert into delivery (message_id, recipient, state, updated_at)
                select md5('m' || n)::uuid, 'gp-' || (n % 6), 'delivered', now() from generate_series(1, 400) n
                where n % 5 <> 0""", """
                insert into delivery (message_id, recipient, state, updated_at)
                select md5('m' || n)::uuid, 'school-' || (n % 2), 'delivered', now() from generate_series(1, 400) n""", """
                insert into delivery (message_id, recipient, state, updated_at)
                select m.message_id, cc.gp_practice, 'delivered', now()
                from message m join case_child cc on cc.case_reference = m.case_reference
                where m.case_reference is not null and cc.gp_practice is not null and get_byte(m.message_id::text::bytea, 0) % 2 = 0
                on conflict do nothing""", """
                insert into delivery (message_id, recipient, state, updated_at)
                select md5('m' || n)::uuid, 'council-' || (n % 7 % 4), 'delivered', now() from generate_series(1, 400) n
                on conflict do nothing""", """
                insert into statutory_clock (message_id, clock, owed_by, waiting, started_at, due_at, met_at)
                select md5('m' || n)::uuid, c.clock,
                       case c.clock when 'written-report' then 'gp-' || (n % 5)
                                    when 'report-acknowledgement' then 'council-' || ((n + 1) % 3)
                                    else 'council-' || (n % 3) end,
                       case c.clock when 'outline-plan' then 'police-' || (n % 2) else 'council-' || (n % 3) end,
                       ts, ts + interval '7 days',
                       case n % 4 when 0 then null when 1 then ts + interval '3 days'
                                  when 2 then ts + interval '9 days' else ts + (n % 13) * interval '17 hours' end
                from generate_series(1, 400) n,
                     lateral (select timestamptz '2025-12-01 00:00Z' + n * interval '1 day' as ts) t,
                     (values ('report-outcome'), ('written-report'), ('outline-plan'), ('report-acknowledgement')) c(clock)
                where (n + length(c.clock)) % 5 <> 0""");
    }

    @Test
    void should_give_one_council_the_row_it_has_in_the_report_of_every_council() throws SQLException {
        Instant now = Instant.parse("2026-12-20T00:00:00Z");
        BoardReport board = new BoardReport(ReportQueriesFlowTest::agency);
        BoardReport.Report all;
        try (Connection c = own.getConnection()) {
            c.setAutoCommit(false);
            all = board.build(FROM_DAY, TO_DAY, BoardReport.GroupBy.COUNCIL, new ReportRepository().facts(c, FROM, TO,
                    now), now);
            c.rollback();
        }
        assertThat(all.rows()).extracting(BoardReport.Row::group).contains("council-0", "council-1", "council-2");
        for (String council : List.of("council-0", "council-1", "council-2", "council-3")) {
            try (Connection c = own.getConnection()) {
                ReportFacts facts = new ReportRepository().councilFacts(c, FROM, TO, now, council);
                List<BoardReport.Row> one = board.build(FROM_DAY, TO_DAY, BoardReport.GroupBy.COUNCIL, facts, now)
                        .rows().stream().filter(r -> r.group().equals(council)).toList();

                assertThat(one).as(council).isEqualTo(all.rows().stream().filter(r -> r.group().equals(council))
                        .toList());
            }
        }
        BoardReport.Row row = all.rows().stream().filter(r -> r.group().equals("council-1")).findFirst().orElseThrow();
        assertThat(row.dutyToReportsReceived()).isPositive();
        assertThat(row.outcomesDue()).isPositive();
        assertThat(row.gpReportsRequested()).isPositive();
        assertThat(row.outlinePlansDue()).isPositive();
        assertThat(row.overdueTotal()).isPositive();
        assertThat(row.medianCalendarDaysToOutcome()).isNotNull();
        assertThat(row.conferenceInvitationsWithGp()).isPositive();
    }

    /** Agencies by their ids' prefixes: council-, gp-, police-, school-. */
    private static Optional<Agency> agency(String id) {
        AgencyKind kind = id.startsWith("council-") ? AgencyKind.COUNCIL : id.startsWith("gp-")
                ? AgencyKind.GP_PRACTICE : id.startsWith("police-") ? AgencyKind.POLICE : AgencyKind.SCHOOL;
        return Optional.of(new Agency(id, kind, Map.of("en", id), null, null, null, null, "board-" + id, null,
                LanguagePreference.UNKNOWN, List.of(), List.of()));
    }

    @Test
    void should_count_the_invitations_as_the_sub_query_per_invitation_did() throws SQLException {
        List<ReportFacts.Invitations> perRow = counts(ReportRepository.INVITATIONS_PER_ROW);
        try (Connection c = own.getConnection()) {
            List<ReportFacts.Invitations> asSet = ReportRepository.invitations(c, FROM, TO);

            assertThat(asSet).containsExactlyInAnyOrderElementsOf(perRow);
        }
        assertThat(perRow).anyMatch(ReportFacts.Invitations::gpIncluded).anyMatch(i -> !i.gpIncluded());
        assertThat(perRow.stream().mapToLong(ReportFacts.Invitations::count).sum()).isBetween(200L, 400L);
    }

    private List<ReportFacts.Invitations> counts(String sql) throws SQLException {
        try (Connection c = own.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(FROM));
            ps.setTimestamp(2, Timestamp.from(TO));
            return Rows.list(ps, rs -> new ReportFacts.Invitations(rs.getString(1), rs.getBoolean(2), rs.getLong(3)));
        }
    }
}

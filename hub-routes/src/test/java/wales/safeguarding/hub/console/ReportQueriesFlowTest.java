package wales.safeguarding.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.database.Rows;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.OwnSchema;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * The board report's invitations counted as a set ({@link ReportRepository#INVITATIONS}) give the same counts as the
 * sub-query per invitation they replaced, on a small data set with every case the rule has: invitations with and
 * without a case, cases with no child, one or two, children with and without a GP practice, copies to the child's
 * practice (to both children's practices, or to another practice) or none, invitations outside the period and
 * other messages.
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
                on conflict do nothing""");
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

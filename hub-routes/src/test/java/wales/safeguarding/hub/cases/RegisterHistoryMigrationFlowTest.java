package wales.safeguarding.hub.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.OwnSchema;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * V36 fills in the register's history from the children on the register when it runs: each registered child's
 * registration, from the day their latest first review clock started, else the day their record last changed.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RegisterHistoryMigrationFlowTest {

    private static final String SCHEMA = "register_history_migration";
    private static final String CASE = "CCS-2026-000036";
    private static final String COUNCIL = "carmarthenshire-childrens-services";

    @Inject
    DataSource suite;

    private DataSource upgraded;

    @BeforeEach
    void children_recorded_before_the_history() throws SQLException {
        upgraded = OwnSchema.fresh(suite, SCHEMA);
        OwnSchema.migrate(upgraded, SCHEMA, "33");
        OwnSchema.execute(upgraded, """
                insert into message (message_id, message_type, schema_version, sender, case_reference, language,
                    security_label, created_at, accepted_at, payload_sha256, payload_key)
                values ('6f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e36', 'outline-plan', '1.0', '%2$s', '%1$s', 'en',
                        'OFFICIAL-SENSITIVE', now(), now(), 'x', 'plain'),
                       ('6f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e37', 'outline-plan', '1.0', '%2$s', '%1$s', 'en',
                        'OFFICIAL-SENSITIVE', now(), now(), 'y', 'plain')""".formatted(CASE, COUNCIL),
                "insert into child_case (case_reference, council, updated_at) values ('%s', '%s', now())"
                        .formatted(CASE, COUNCIL),
                // alys: registered at a conference on 10 March 2026 (a first review clock started then, and an older
                // one from an earlier registration); owain: registered, no clock, last changed on 1 May 2026 (late
                // evening UTC: 2 May in Wales); cai: not registered
                """
                insert into case_child (case_reference, child_key, registered, updated_at)
                values ('%1$s', 'CCS-CHILD-ALYS', true, '2026-06-01T09:00:00Z'),
                       ('%1$s', 'CCS-CHILD-OWAIN', true, '2026-05-01T23:30:00Z'),
                       ('%1$s', 'CCS-CHILD-CAI', false, '2026-06-01T09:00:00Z')""".formatted(CASE),
                """
                insert into statutory_clock (message_id, clock, owed_by, waiting, started_at, due_at, met_at,
                    case_reference, subject)
                values ('6f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e36', 'first-review-conference', '%2$s', '%2$s',
                        '2026-03-10T12:00:00Z', '2026-06-10T23:00:00Z', null, '%1$s', 'CCS-CHILD-ALYS'),
                       ('6f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e37', 'first-review-conference', '%2$s', '%2$s',
                        '2025-01-10T12:00:00Z', '2025-04-10T23:00:00Z', '2025-02-01T12:00:00Z', '%1$s',
                        'CCS-CHILD-ALYS')""".formatted(CASE, COUNCIL));
    }

    @AfterEach
    void drop_the_schema() throws SQLException {
        try (Connection c = suite.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    @DisplayName("4.1: the children on the register when V36 runs have their registration, open, marked backfilled")
    void should_fill_in_the_registrations_of_the_children_on_the_register() throws SQLException {
        OwnSchema.migrate(upgraded, SCHEMA, null);

        List<String> rows = new ArrayList<>();
        try (Connection c = upgraded.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select child_key, council, added_on, removed_on, backfilled from register_history
                        order by child_key""")) {
            while (rs.next()) {
                rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                        String.valueOf(rs.getString(4)), String.valueOf(rs.getBoolean(5))));
            }
        }
        assertThat(rows).containsExactly("CCS-CHILD-ALYS|" + COUNCIL + "|2026-03-10|null|true",
                "CCS-CHILD-OWAIN|" + COUNCIL + "|2026-05-02|null|true");
    }
}

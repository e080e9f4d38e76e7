package wales.safeguarding.hub.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildKey;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.OwnSchema;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Existing data migrates (issue 10): a case recorded before sibling groups (V12) becomes a case with one child, who
 * keeps the case's GP practice, school, police force and register status, and whose running core group and review
 * clocks become that child's.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SiblingGroupMigrationFlowTest {

    private static final String SCHEMA = "sibling_group_migration";
    private static final String CASE = "CCS-2026-000042";

    @Inject
    DataSource suite;

    private DataSource upgraded;

    @BeforeEach
    void a_case_recorded_before_sibling_groups() throws SQLException {
        upgraded = OwnSchema.fresh(suite, SCHEMA);
        migrate("12");
        execute("""
                insert into message (message_id, message_type, schema_version, sender, case_reference, language,
                    security_label, created_at, accepted_at, payload_sha256)
                values ('6f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01', 'outline-plan', '1.0',
                    'carmarthenshire-childrens-services', '%1$s', 'en', 'OFFICIAL-SENSITIVE', now(), now(), 'x')""".formatted(CASE),
                """
                insert into child_case (case_reference, council, gp_practice, school, police_force, registered,
                    updated_at)
                values ('%s', 'carmarthenshire-childrens-services', 'gp-z99001', 'school-6699001',
                    'dyfed-powys-police', true, now())""".formatted(CASE),
                """
                insert into statutory_clock (message_id, clock, owed_by, waiting, started_at, due_at, case_reference,
                    subject)
                values ('6f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01', 'core-group', 'carmarthenshire-childrens-services',
                        'carmarthenshire-childrens-services', now(), now() + interval '42 days', '%1$s', null),
                       ('6f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01', 'first-review-conference',
                        'carmarthenshire-childrens-services', 'carmarthenshire-childrens-services', now(),
                        now() + interval '90 days', '%1$s', null)""".formatted(CASE));
    }

    @AfterEach
    void drop_the_schema() throws SQLException {
        try (Connection c = suite.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    @DisplayName("issue 10: a case recorded before sibling groups migrates as a case with its one child, clocks and all")
    void should_migrate_the_case_as_its_one_child() throws SQLException {
        migrate(null);

        Optional<CaseRecord> migrated;
        try (Connection c = upgraded.getConnection()) {
            migrated = new CaseBook().find(c, CASE);
        }
        assertThat(migrated).isPresent();
        assertThat(migrated.get().council()).isEqualTo("carmarthenshire-childrens-services");
        assertThat(migrated.get().children()).containsExactly(new ChildRecord(ChildKey.BEFORE_SIBLING_GROUPS,
                "gp-z99001", "school-6699001", "dyfed-powys-police", true, false));
        // the next message about one child names that child, whatever key it gives them
        assertThat(migrated.get().keyFor("CCS-CHILD-7")).isEqualTo(ChildKey.BEFORE_SIBLING_GROUPS);
        assertThat(clockSubjects()).containsExactly("core-group=", "first-review-conference=");
    }

    private List<String> clockSubjects() throws SQLException {
        List<String> subjects = new ArrayList<>();
        try (Connection c = upgraded.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select clock, subject from statutory_clock order by clock")) {
            while (rs.next()) {
                subjects.add(rs.getString(1) + "=" + rs.getString(2));
            }
        }
        return subjects;
    }

    private void migrate(String target) {
        OwnSchema.migrate(upgraded, SCHEMA, target);
    }

    private void execute(String... statements) throws SQLException {
        OwnSchema.execute(upgraded, statements);
    }
}

package wales.safeguarding.hub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import javax.sql.DataSource;

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
 * Existing data migrates to the partitioned audit tables (issue 11 finding 7, V16): every row in the month it
 * belongs to, ids kept and going on from where they were, collected inbox copies without their bodies.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RetentionMigrationFlowTest {

    private static final String SCHEMA = "retention_migration";
    private static final String MESSAGE = "7a1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e07";

    @Inject
    DataSource suite;

    private DataSource upgraded;

    @BeforeEach
    void audit_rows_and_an_inbox_before_v16() throws SQLException {
        upgraded = OwnSchema.fresh(suite, SCHEMA);
        migrate("15");
        execute("""
                insert into message (message_id, message_type, schema_version, sender, language, security_label,
                    created_at, accepted_at, payload_sha256, payload)
                values ('%s', 'duty-to-report', '1.0', 'dyfed-powys-police', 'en', 'OFFICIAL-SENSITIVE', now(), now(),
                    'x', 'body'::bytea)""".formatted(MESSAGE),
                """
                insert into audit_event (message_id, event, actor, at) values
                    ('%1$s', 'accepted', 'hub', timestamptz '2025-01-15 09:00:00+00'),
                    ('%1$s', 'state-changed', 'hub', timestamptz '2025-01-31 23:59:59+00'),
                    ('%1$s', 'state-changed', 'hub', now())""".formatted(MESSAGE),
                """
                insert into console_audit (at, actor, action, message_id) values
                    (timestamptz '2024-06-01 12:00:00+00', 'ruth', 'body-read', '%1$s'),
                    (now(), 'ruth', 'body-read', '%1$s')""".formatted(MESSAGE),
                """
                insert into inbox (recipient, message_id, message_type, payload, placed_at, acknowledged_at) values
                    ('school-6699001', '%1$s', 'duty-to-report', 'copy'::bytea, now(), now()),
                    ('school-6699002', '%1$s', 'duty-to-report', 'copy'::bytea, now(), null)""".formatted(MESSAGE));
    }

    @AfterEach
    void drop_the_schema() throws SQLException {
        try (Connection c = suite.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    @DisplayName("issue 11 finding 7: V16 moves every audit row into its month, keeps the ids, empties collected inbox copies")
    void should_migrate_the_audit_rows_into_months() throws SQLException {
        long lastAuditId = number("select max(id) from audit_event");

        migrate(null);

        assertThat(number("select count(*) from audit_event")).isEqualTo(3);
        assertThat(number("select count(*) from audit_event_p202501")).isEqualTo(2);
        assertThat(number("select count(*) from audit_event_default")).isZero();
        assertThat(number("select count(*) from console_audit_p202406")).isOne();
        assertThat(number("select count(*) from console_audit")).isEqualTo(2);
        assertThat(number("select count(*) from pg_class where relname = 'audit_event_v15'")).isZero();
        execute("insert into audit_event (message_id, event, actor, at) values ('%s', 'note', 'hub', now())"
                .formatted(MESSAGE));
        assertThat(number("select max(id) from audit_event")).isEqualTo(lastAuditId + 1);
        assertThat(number("select count(*) from inbox where payload is null")).as("the collected copy").isOne();
        assertThat(number("select count(*) from inbox where recipient = 'school-6699002' and payload is not null"))
                .as("the copy not yet collected").isOne();
        // a month nobody made yet (far ahead) still takes its rows
        execute("insert into audit_event (message_id, event, actor, at) values ('%s', 'note', 'hub', "
                .formatted(MESSAGE) + "timestamptz '2040-01-01 00:00:00+00')");
        assertThat(number("select count(*) from audit_event_default")).isOne();
    }

    private long number(String sql) throws SQLException {
        try (Connection c = upgraded.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void migrate(String target) {
        OwnSchema.migrate(upgraded, SCHEMA, target);
    }

    private void execute(String... statements) throws SQLException {
        OwnSchema.execute(upgraded, statements);
    }
}

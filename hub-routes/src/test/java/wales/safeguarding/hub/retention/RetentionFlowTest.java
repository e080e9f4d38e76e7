package wales.safeguarding.hub.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.audit.ConsoleAuditRepository;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 11 finding 7: the retention purge on the real PostgreSQL, over bodies older and younger than the limit.
 * Messages go through the hub and are delivered; SQL then puts them where a closed case leaves them (their clocks met,
 * a case of their own with nothing running) and moves the old ones' dates back 100 days.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RetentionFlowTest {

    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;

    @Inject
    RetentionPurge purge;

    @Inject
    Transactions transactions;

    @Inject
    ConsoleAuditRepository audit;

    @Inject
    DataSource dataSource;

    @Test
    @DisplayName("issue 11 finding 7: bodies past 90 days go, younger ones and those of an open case stay, 410 after")
    void should_remove_only_the_bodies_past_their_period() throws Exception {
        List<UUID> old = send(3);
        List<UUID> young = send(2);
        List<UUID> openCase = send(1);
        closed(old, 100);
        closed(young, 10);
        closed(openCase, 100);
        sql("update statutory_clock set met_at = null where message_id = ?", openCase.get(0));

        RetentionPurge.Report report = purge.run();

        Database db = new Database(dataSource);
        for (UUID id : old) {
            assertThat(db.count("select count(*) from message where message_id = ? and payload is null "
                    + "and payload_removed_at is not null", id)).as("old body removed").isOne();
            assertThat(db.count("select count(*) from delivery where message_id = ?", id)).as("deliveries stay")
                    .isPositive();
        }
        for (UUID id : concat(young, openCase)) {
            assertThat(db.count("select count(*) from message where message_id = ? and payload is not null", id))
                    .as("kept").isOne();
        }
        assertThat(report.bodiesRemoved()).isGreaterThanOrEqualTo(old.size());
        given().header("Authorization", Tokens.forRole("ruth", "auditor")).contentType("application/json")
                .body("{\"reason\":\"Checking what the purge left\"}")
                .post("/api/v1/console/messages/" + old.get(0) + "/body").then().statusCode(410)
                .body("type", equalTo("https://hub.safeguarding.wales/problems/payload-removed"));
        given().header("Authorization", Tokens.forRole("ruth", "auditor")).contentType("application/json")
                .body("{\"reason\":\"Checking what the purge left\"}")
                .post("/api/v1/console/messages/" + young.get(0) + "/body").then().statusCode(200);
        assertThat(db.count("select count(*) from console_audit where action = 'retention-purge'")).isPositive();
        System.out.printf("retention purge: %d bodies removed, %d kept, %d batches, %d ms%n", report.bodiesRemoved(),
                report.bodiesKept(), report.batches(), report.millis());
    }

    @Test
    @DisplayName("issue 11 finding 7: two instances purging at once remove each body once")
    void should_not_double_up_when_two_instances_purge_at_once() throws Exception {
        List<UUID> old = send(12);
        closed(old, 200);
        RetentionPurge one = new RetentionPurge(transactions, audit, java.time.Clock.systemUTC(), purge.policy(), 3,
                20_000, 0);
        RetentionPurge two = new RetentionPurge(transactions, audit, java.time.Clock.systemUTC(), purge.policy(), 3,
                20_000, 0);

        var a = CompletableFuture.supplyAsync(one::run);
        var b = CompletableFuture.supplyAsync(two::run);
        int removed = a.get().bodiesRemoved() + b.get().bodiesRemoved();

        Database db = new Database(dataSource);
        for (UUID id : old) {
            assertThat(db.count("select count(*) from message where message_id = ? and payload is null", id)).isOne();
        }
        // each body counted by exactly one of them (others' leftovers from earlier tests may add to the total)
        assertThat(removed).isGreaterThanOrEqualTo(old.size());
        assertThat(db.count("select count(*) from message where payload is null and message_id = any(?)",
                (Object) old.toArray(new UUID[0]))).isEqualTo(old.size());
    }

    @Test
    @DisplayName("issue 11 finding 7: an audit month past six years is dropped whole; this month's is made and kept")
    void should_drop_audit_months_past_their_period() throws Exception {
        sql("select hub_audit_month('audit_event', date '2019-03-01')");
        UUID any = send(1).get(0);
        sql("insert into audit_event (message_id, event, actor, at) values (?, 'note', 'test', "
                + "timestamptz '2019-03-15 10:00:00+00')", any);
        Database db = new Database(dataSource);
        assertThat(db.count("select count(*) from audit_event where at < timestamptz '2019-04-01 00:00:00+00'"))
                .isOne();

        RetentionPurge.Report report = purge.run();

        assertThat(report.partitionsDropped()).contains("audit_event_p201903");
        assertThat(db.count("select count(*) from pg_class where relname = 'audit_event_p201903'")).isZero();
        assertThat(db.count("select count(*) from audit_event where at < timestamptz '2019-04-01 00:00:00+00'"))
                .isZero();
        assertThat(db.count("select count(*) from audit_event where message_id = ?", any)).as("this month's stays")
                .isPositive();
    }

    @Test
    @DisplayName("issue 15 item 3: a register enquiry's record goes with the audit trail, after six years; a recent one stays")
    void should_delete_register_enquiries_past_the_audit_period() throws Exception {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        for (Object[] row : new Object[][] {{old, "2019-03-15 10:00:00+00"}, {recent, "2026-11-30 10:00:00+00"}}) {
            sql("insert into register_enquiry (enquiry_id, enquired_at, agency, agency_kind, asked_by, subject, reason,"
                    + " on_register) values (?, cast(? as timestamptz), 'gp-z99001', 'gp-practice', 'nhs-number',"
                    + " 'hash', 'seen in clinic', false)", row[0], row[1]);
        }

        RetentionPurge.Report report = purge.run();

        assertThat(report.registerEnquiriesDeleted()).isPositive();
        Database db = new Database(dataSource);
        assertThat(db.count("select count(*) from register_enquiry where enquiry_id = ?", old)).isZero();
        assertThat(db.count("select count(*) from register_enquiry where enquiry_id = ?", recent)).isOne();
    }

    // ----

    private List<UUID> send(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var report = Messages.dutyToReport();
            HubApi.send(POLICE, report).statusCode(202);
            ids.add(UUID.fromString(Messages.id(report)));
        }
        Database db = new Database(dataSource);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (UUID id : ids) {
                assertThat(db.count("select count(*) from delivery where message_id = ? "
                        + "and state in ('accepted', 'queued', 'failed')", id)).isZero();
            }
        });
        return ids;
    }

    /** Where a closed case leaves a message: its clocks met, its case of its own with nothing running, dated back. */
    private void closed(List<UUID> ids, int daysAgo) throws SQLException {
        for (UUID id : ids) {
            sql("update statutory_clock set met_at = now(), case_reference = null where message_id = ?", id);
            sql("update message set case_reference = 'RETENTION-' || message_id, accepted_at = now() - make_interval("
                    + "days => " + daysAgo + ") where message_id = ?", id);
            sql("update delivery set updated_at = now() - make_interval(days => " + daysAgo + ") where message_id = ?",
                    id);
        }
    }

    private void sql(String statement, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.execute();
        }
    }

    private static List<UUID> concat(List<UUID> a, List<UUID> b) {
        List<UUID> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

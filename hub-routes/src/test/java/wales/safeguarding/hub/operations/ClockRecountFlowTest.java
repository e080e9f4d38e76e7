package wales.safeguarding.hub.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * domain.md, "working days exclude ... England-and-Wales bank holidays": clocks counted with an older bank-holiday
 * file are counted again with the file loaded now (deploy/README section 5), through the operators' API, audited,
 * and no other clock is touched.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ClockRecountFlowTest {

    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String RECOUNT = "/api/v1/operations/recount-clocks";
    /** Seven working days from Tuesday 22 December 2026 with Monday 28 December a holiday (Boxing Day moved). */
    private static final String DUE = "2027-01-06T00:00:00Z";
    /** The same count by a file that did not know 28 December: Monday 4 January. */
    private static final String DUE_WITHOUT_28_DECEMBER = "2027-01-05T00:00:00Z";

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @Inject
    StatutoryClocks calendar;

    @BeforeEach
    void real_time() {
        clock.release();
    }

    @AfterEach
    void release() {
        clock.release();
    }

    @Test
    @DisplayName("7 working days: a report-outcome clock counted without the Boxing Day holiday moves to its right due time, audited; a clock counted with the loaded file is left alone")
    void should_count_again_the_clocks_counted_with_older_bank_holiday_data() {
        Database db = new Database(dataSource);
        clock.set(Instant.parse("2026-12-22T10:15:00Z"));
        ObjectNode report = Messages.dutyToReport();
        UUID reportId = UUID.fromString(Messages.id(report));
        HubApi.send(POLICE, report).statusCode(202);
        assertThat(db.text("select string_agg(distinct calendar, ',') from statutory_clock where message_id = ?",
                reportId)).as("every clock keeps the data it was counted with").isEqualTo(calendar.fingerprint());

        // as a hub on an older file would have left them: the two 7-working-day clocks a day early; next-actions is
        // changed too but stays marked as counted with the loaded file, so the recount must leave it alone
        assertThat(db.update("""
                update statutory_clock set due_at = ?::timestamptz, next_escalation_at = ?::timestamptz,
                    calendar = '2018-2026:0123456789ab'
                where message_id = ? and clock in ('report-acknowledgement', 'report-outcome')""",
                DUE_WITHOUT_28_DECEMBER, DUE_WITHOUT_28_DECEMBER, reportId)).isEqualTo(2);
        db.update("update statutory_clock set due_at = '2030-01-01T00:00:00Z' where message_id = ? and clock = 'next-actions'",
                reportId);

        given().header("Authorization", Tokens.bearer(POLICE)).post(RECOUNT).then().statusCode(403);
        given().header("Authorization", Tokens.operator("olwen")).post(RECOUNT).then().statusCode(200)
                .body("bankHolidays", equalTo(calendar.fingerprint()))
                .body("counted", greaterThanOrEqualTo(2))
                .body("moved", greaterThanOrEqualTo(2))
                .body("left", equalTo(0));

        HubApi.track(POLICE, reportId.toString()).statusCode(200)
                .body("clocks.clock", equalTo(List.of("report-acknowledgement", "report-outcome", "next-actions")))
                .body("clocks.dueAt", equalTo(List.of(DUE, DUE, "2030-01-01T00:00:00Z")));
        assertThat(db.text("select next_escalation_at at time zone 'UTC' from statutory_clock where message_id = ? "
                + "and clock = 'report-outcome'", reportId)).startsWith("2027-01-06 00:00");
        assertThat(db.count("select count(*) from audit_event where message_id = ? and event = 'clock-recounted'",
                reportId)).isEqualTo(2);
        assertThat(db.text("select detail from audit_event where message_id = ? and event = 'clock-recounted' "
                + "order by id limit 1", reportId)).contains("due 2027-01-05T00:00:00Z, now 2027-01-06T00:00:00Z")
                .contains(calendar.fingerprint());
        assertThat(db.count("select count(*) from statutory_clock where message_id = ? and calendar is distinct from ?",
                reportId, calendar.fingerprint())).isZero();

        // a second pass finds nothing to do
        given().header("Authorization", Tokens.operator("olwen")).post(RECOUNT).then().statusCode(200)
                .body("counted", equalTo(0)).body("moved", equalTo(0));
        assertThat(db.count("select count(*) from audit_event where message_id = ? and event = 'clock-recounted'",
                reportId)).isEqualTo(2);
    }
}

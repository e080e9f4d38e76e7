package wales.safeguarding.hub.refusals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.intake.IntakeRateLimits;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 11 finding 6: refusals of agency requests are counted per agency in PostgreSQL, shown in the console, and a
 * burst raises one alert; an agency faster than its rate gets 429 with Retry-After. Low limits for this class only.
 */
@QuarkusTest
@TestProfile(RefusalsFlowTest.LowLimits.class)
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RefusalsFlowTest {

    /** Three messages at once, then one a minute; four refusals within five minutes are a burst. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.intake.rate-limit.per-agency", "1", "hub.intake.rate-limit.burst", "3",
                    "hub.refusals.burst.threshold", "4", "hub.refusals.burst.window-minutes", "5");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;

    @Inject
    Transactions transactions;

    private long refusals(String agency, int status) {
        return new Database(dataSource).count(
                "select coalesce(sum(refusals), 0) from refusal_count where agency = ? and status = ?", agency, status);
    }

    private long openBurstAlerts(String agency) {
        return new Database(dataSource).count("select count(*) from operational_alert where agency = ?"
                + " and condition = 'refusal-burst' and resolved_at is null", agency);
    }

    @Test
    void should_answer_429_with_retry_after_when_an_agency_sends_faster_than_its_rate_and_count_it() {
        String police = AgencyStubs.DYFED_POWYS_POLICE;
        for (int i = 0; i < 3; i++) {
            HubApi.send(police, Messages.dutyToReport()).statusCode(202);
        }
        Response refused = given().header("Authorization", Tokens.bearer(police)).contentType("application/json")
                .body(Messages.dutyToReport().toString()).post("/api/v1/messages");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", endsWith("/rate-limited")).body("status", equalTo(429));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);

        await().atMost(WAIT).until(() -> refusals(police, 429) == 1);
        List<Map<String, Object>> shown = given().header("Authorization", Tokens.forRole("olwen", "operator"))
                .get("/api/v1/console/refusals").then().statusCode(200).extract().jsonPath().getList("refusals");
        assertThat(shown).anySatisfy(row -> {
            assertThat(row.get("agency")).isEqualTo(police);
            assertThat(row.get("status")).isEqualTo(429);
            assertThat(row.get("refusals")).isEqualTo(1);
        });
        assertThat(openBurstAlerts(police)).isZero();
    }

    @Test
    void should_share_an_agencys_rate_between_hub_instances() {
        // two instances' limits over the one database: the burst of three is the agency's, not each instance's
        IntakeRateLimits first = new IntakeRateLimits(transactions, 1, 3);
        IntakeRateLimits second = new IntakeRateLimits(transactions, 1, 3);
        String agency = "shared-bucket-" + UUID.randomUUID();
        first.admit(agency);
        second.admit(agency);
        first.admit(agency);
        assertThatThrownBy(() -> second.admit(agency)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 60L));
        assertThatThrownBy(() -> first.admit(agency)).isInstanceOf(ProblemException.class);
        // another agency has its own bucket
        first.admit(agency + "-other");
    }

    @Test
    void should_raise_one_alert_for_a_burst_of_refusals_from_one_agency() {
        String council = AgencyStubs.CARDIFF;
        ObjectNode notMine = Messages.dutyToReport(); // sent as the police force: 403 sender-mismatch for the council
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(HubApi.send(council, notMine).extract().statusCode());
        }
        // its first three take the burst's tokens and are refused as not its own; the next are over its rate
        assertThat(statuses).containsExactly(403, 403, 403, 429, 429, 429);
        await().atMost(WAIT).until(() -> refusals(council, 403) == 3 && refusals(council, 429) == 3);
        await().atMost(WAIT).until(() -> openBurstAlerts(council) == 1);

        for (int i = 0; i < 4; i++) {
            HubApi.send(council, notMine).statusCode(429);
        }
        await().atMost(WAIT).until(() -> refusals(council, 429) == 7);
        // several alert checks later (every 500 ms in tests), still the one alert
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> openBurstAlerts(council) == 1
                && new Database(dataSource).count("select count(*) from operational_alert where agency = ?"
                        + " and condition = 'refusal-burst'", council) == 1);
    }

    @Test
    void should_count_a_request_without_a_valid_token_for_agency_unknown() {
        long before = refusals(RefusalRecorder.UNKNOWN, 401);
        given().get("/api/v1/messages/" + UUID.randomUUID()).then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").contentType("application/json").body("{}")
                .post("/api/v1/messages").then().statusCode(401);
        await().atMost(WAIT).until(() -> refusals(RefusalRecorder.UNKNOWN, 401) == before + 2);
    }

    @Test
    void should_count_a_body_too_large_for_the_http_layer() {
        String gp = AgencyStubs.GP;
        given().header("Authorization", Tokens.bearer(gp)).contentType("application/json")
                .body("{\"x\":\"" + "x".repeat(3_000_000) + "\"}").post("/api/v1/messages").then().statusCode(413);
        await().atMost(WAIT).until(() -> refusals(gp, 413) + refusals(RefusalRecorder.UNKNOWN, 413) == 1);
    }

    @Test
    void should_count_reading_another_agencys_message_although_it_answers_404() {
        String force = AgencyStubs.SOUTH_WALES_POLICE; // agencies no other test of this class sends as or reads as
        String practice = AgencyStubs.FHIR_GP;
        ObjectNode report = Messages.dutyToReport().put("sender", force);
        HubApi.send(force, report).statusCode(202);
        HubApi.track(practice, Messages.id(report)).statusCode(404);
        await().atMost(WAIT).until(() -> refusals(practice, 404) == 1);
    }

    @Test
    void should_not_count_the_console_or_a_request_that_was_not_refused() {
        String school = AgencyStubs.SCHOOL;
        given().header("Authorization", Tokens.forRole("bethan", "board-viewer")).get("/api/v1/console/refusals").then()
                .statusCode(403);
        HubApi.track(school, UUID.randomUUID().toString()).statusCode(404);
        // a refusal after them: once it is counted, they would have been too
        HubApi.send(school, Messages.dutyToReport()).statusCode(403);
        await().atMost(WAIT).until(() -> refusals(school, 403) == 1);
        assertThat(new Database(dataSource).count("select coalesce(sum(refusals), 0) from refusal_count where agency = ?"
                + " and status <> 403", school)).isZero();
    }
}

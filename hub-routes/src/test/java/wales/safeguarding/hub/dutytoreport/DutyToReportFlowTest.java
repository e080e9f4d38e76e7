package wales.safeguarding.hub.dutytoreport;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/** A duty-to-report travels from the police to children's services and the answers travel back. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DutyToReportFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void fresh_stubs_and_real_time() {
        agencies.reset();
        clock.release();
    }

    @Test
    void should_deliver_a_police_report_to_the_council_and_the_council_answers_back_to_the_police() {
        ObjectNode report = Messages.dutyToReport();
        String reportId = Messages.id(report);

        HubApi.send(POLICE, report).statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/messages/" + reportId))
                .body("messageId", equalTo(reportId))
                .body("recipients", equalTo(List.of(COUNCIL)))
                .body("tracking", equalTo("/api/v1/messages/" + reportId));

        await().atMost(WAIT).untilAsserted(() -> agencies.of(COUNCIL).verify(exactly(1),
                postRequestedFor(urlEqualTo("/hub/messages"))
                        .withHeader("X-Hub-Message-Id", WireMock.equalTo(reportId))
                        .withHeader("X-Hub-Message-Type", WireMock.equalTo("duty-to-report"))
                        .withRequestBody(matchingJsonPath("$.body.children[0].localAuthority", WireMock.equalTo("W06000010")))));
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, reportId, COUNCIL)));

        ObjectNode acknowledgement = Messages.acknowledgementOf(reportId);
        HubApi.send(COUNCIL, acknowledgement).statusCode(202).body("recipients", equalTo(List.of(POLICE)));
        ObjectNode outcome = Messages.outcomeOf(reportId);
        HubApi.send(COUNCIL, outcome).statusCode(202).body("recipients", equalTo(List.of(POLICE)));

        await().atMost(WAIT).untilAsserted(() -> {
            agencies.of(POLICE).verify(exactly(1), postRequestedFor(urlEqualTo("/hub/messages"))
                    .withHeader("X-Hub-Message-Id", WireMock.equalTo(Messages.id(acknowledgement)))
                    .withRequestBody(matchingJsonPath("$.correlationId", WireMock.equalTo(reportId))));
            agencies.of(POLICE).verify(exactly(1), postRequestedFor(urlEqualTo("/hub/messages"))
                    .withHeader("X-Hub-Message-Id", WireMock.equalTo(Messages.id(outcome)))
                    .withRequestBody(matchingJsonPath("$.body.decision", WireMock.equalTo("section-47-enquiry"))));
        });

        JsonPath tracking = HubApi.track(POLICE, reportId).statusCode(200).extract().jsonPath();
        assertThat(tracking.getString("recipients[0].state")).isEqualTo("outcome-given");
        assertThat(tracking.getString("recipients[0].recipientReference")).isEqualTo("STUB-REF");
        assertThat(tracking.getList("clocks.metAt")).as("acknowledgement, outcome and next actions").hasSize(3)
                .doesNotContainNull();
        List<String> transitions = tracking.getList("history.findAll { it.event == 'state-changed' }.toState");
        assertThat(transitions).containsExactly("accepted", "queued", "delivered", "acknowledged", "outcome-given");
        assertThat(tracking.getList("history.event", String.class)).contains("accepted", "delivery-attempt", "delivery-receipt");
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(COUNCIL, Messages.id(outcome), POLICE)));
    }

    @Test
    void should_start_acknowledgement_and_outcome_clocks_due_after_seven_working_days() {
        clock.set(Instant.parse("2026-12-22T10:15:00Z"));
        ObjectNode report = Messages.dutyToReport();
        HubApi.send(POLICE, report).statusCode(202);

        HubApi.track(POLICE, Messages.id(report)).statusCode(200)
                .body("clocks.clock", equalTo(List.of("report-acknowledgement", "report-outcome", "next-actions")))
                // seven working days for both answers; one for the decision on next actions (Wednesday 23 December)
                .body("clocks.dueAt", equalTo(List.of("2027-01-06T00:00:00Z", "2027-01-06T00:00:00Z",
                        "2026-12-24T00:00:00Z")))
                .body("clocks.owedBy", hasItem(COUNCIL))
                .body("clocks.waiting", hasItem(POLICE));
    }

    @Test
    @DisplayName("issue 10 defect 5: a bare receipt meets the acknowledgement clock and leaves next actions running; an acknowledgement that records the decision meets it")
    void should_leave_next_actions_running_after_a_bare_receipt_and_meet_it_with_the_recorded_decision() {
        ObjectNode report = Messages.dutyToReport();
        String reportId = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, reportId, COUNCIL)));

        HubApi.send(COUNCIL, Messages.receiptOf(reportId)).statusCode(202).body("recipients", equalTo(List.of(POLICE)));

        assertThat(HubApi.state(POLICE, reportId, COUNCIL)).isEqualTo("acknowledged");
        assertThat(metAt(reportId, "report-acknowledgement")).isNotNull();
        assertThat(metAt(reportId, "next-actions")).as("a receipt is not a decision").isNull();

        // A decision recorded after the acknowledgement was written is refused, and changes nothing.
        ObjectNode impossible = Messages.acknowledgementOf(reportId);
        impossible.with("body").with("nextActionsDecision").put("decidedAt", "2025-06-02T11:20:01+01:00");
        HubApi.send(COUNCIL, impossible).statusCode(422)
                .body("violations.pointer", equalTo(List.of("/body/nextActionsDecision/decidedAt")))
                .body("violations.rule", equalTo(List.of("next-actions-decision-not-in-future")));
        HubApi.track(COUNCIL, Messages.id(impossible)).statusCode(404);
        assertThat(metAt(reportId, "next-actions")).isNull();

        ObjectNode decided = Messages.acknowledgementOf(reportId);
        HubApi.send(COUNCIL, decided).statusCode(202);

        assertThat(metAt(reportId, "next-actions")).isNotNull();
        assertThat(HubApi.track(POLICE, reportId).extract().jsonPath()
                .getString("clocks.find { it.clock == 'next-actions' }.metAt"))
                .isEqualTo(HubApi.track(COUNCIL, Messages.id(decided)).extract().path("acceptedAt"));
        assertThat(metAt(reportId, "report-outcome")).isNull();
    }

    @Test
    @DisplayName("issue 10 defect 8: the written confirmation of a report telephoned two working days earlier runs its clocks from the call")
    void should_run_the_clocks_of_a_written_confirmation_from_the_telephoned_report() {
        // Monday 30 November 2026, 08:40: the police phone children's services. Wednesday 2 December, 10:00: the
        // written confirmation reaches the hub. Seven working days from the call: 1, 2, 3, 4, 7, 8, 9 December (end of
        // Wednesday 9); one working day: end of Tuesday 1 December. From the confirmation they would be the end of
        // Friday 11 December and of Thursday 3 December.
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        ObjectNode report = Messages.dutyToReportConfirmingCall(Instant.parse("2026-11-30T08:40:00Z"));
        HubApi.send(POLICE, report).statusCode(202);

        JsonPath tracking = HubApi.track(POLICE, Messages.id(report)).statusCode(200).extract().jsonPath();
        assertThat(tracking.getList("clocks.clock", String.class))
                .containsExactly("report-acknowledgement", "report-outcome", "next-actions");
        assertThat(tracking.getList("clocks.startedAt", String.class)).containsOnly("2026-11-30T08:40:00Z");
        assertThat(tracking.getList("clocks.dueAt", String.class))
                .containsExactly("2026-12-10T00:00:00Z", "2026-12-10T00:00:00Z", "2026-12-02T00:00:00Z");
        assertThat(tracking.getList("history.findAll { it.event == 'compliance-note' }.detail", String.class))
                .singleElement().asString()
                .startsWith("clocks-from-original-report: ")
                .contains("made by phone at 08:40 on 30 November 2026")
                .contains("dros y ffôn am 08:40 ar 30 Tachwedd 2026");
    }

    @Test
    @DisplayName("issue 10 defect 8: an original report in the future, or older than the hub's limit, is refused naming the field and the rule, and nothing is stored")
    void should_refuse_an_original_report_in_the_future_or_too_old_and_store_nothing() {
        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        ObjectNode future = Messages.dutyToReportConfirmingCall(Instant.parse("2026-12-02T11:00:00Z"));
        ObjectNode tooOld = Messages.dutyToReportConfirmingCall(Instant.parse("2026-11-24T09:59:59Z"));

        HubApi.send(POLICE, future).statusCode(422).contentType("application/problem+json")
                .body("violations.pointer", equalTo(List.of("/body/originalReport/madeAt")))
                .body("violations.rule", equalTo(List.of("original-report-not-in-future")));
        HubApi.send(POLICE, tooOld).statusCode(422)
                .body("violations.pointer", equalTo(List.of("/body/originalReport/madeAt")))
                .body("violations.rule", equalTo(List.of("original-report-within-limit")));

        HubApi.track(POLICE, Messages.id(future)).statusCode(404);
        HubApi.track(POLICE, Messages.id(tooOld)).statusCode(404);
        Database database = new Database(dataSource);
        assertThat(database.count("select count(*) from statutory_clock where message_id in (?, ?)",
                UUID.fromString(Messages.id(future)), UUID.fromString(Messages.id(tooOld)))).isZero();
    }

    private static String metAt(String reportId, String clockName) {
        return HubApi.track(POLICE, reportId).statusCode(200).extract().jsonPath()
                .getString("clocks.find { it.clock == '" + clockName + "' }.metAt");
    }

    @Test
    void should_deliver_a_message_sent_twice_once_and_answer_the_second_send_with_the_original() {
        ObjectNode report = Messages.dutyToReport();
        String reportId = Messages.id(report);
        String acceptedAt = HubApi.send(POLICE, report).statusCode(202).extract().path("acceptedAt");

        HubApi.send(POLICE, report).statusCode(200)
                .body("messageId", equalTo(reportId))
                .body("acceptedAt", equalTo(acceptedAt))
                .body("duplicate", equalTo(true));

        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, reportId, COUNCIL)));
        // Once delivered, a second copy would have been taken from the queue at once: the queue must be empty.
        agencies.of(COUNCIL).verify(exactly(1), postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Id", WireMock.equalTo(reportId)));
        assertThat(new Database(dataSource).count("select count(*) from delivery where message_id = ?",
                UUID.fromString(reportId))).isEqualTo(1);
    }

    @Test
    void should_refuse_a_message_id_used_before_for_a_different_message() {
        ObjectNode report = Messages.dutyToReport();
        HubApi.send(POLICE, report).statusCode(202);
        report.with("body").put("description", "A different report under the same id.");

        HubApi.send(POLICE, report).statusCode(409)
                .contentType("application/problem+json")
                .body("violations[0].pointer", equalTo("/messageId"))
                .body("violations[0].rule", equalTo("unique-message-id"));
    }

    @Test
    void should_not_show_an_agency_a_message_neither_sent_by_it_nor_to_it() {
        ObjectNode report = Messages.dutyToReport();
        HubApi.send(POLICE, report).statusCode(202);

        // 404, as for an id nobody used: the answer does not tell that another agency's message exists
        HubApi.track(AgencyStubs.SCHOOL, Messages.id(report)).statusCode(404)
                .contentType("application/problem+json").body("title", notNullValue());
        HubApi.track(AgencyStubs.CARDIFF, Messages.id(report)).statusCode(404);
        HubApi.track(COUNCIL, Messages.id(report)).statusCode(200);
        HubApi.track(POLICE, UUID.randomUUID().toString()).statusCode(404);
    }

    @Test
    void should_refuse_an_answer_from_a_council_the_report_never_reached() {
        ObjectNode report = Messages.dutyToReport();
        HubApi.send(POLICE, report).statusCode(202);
        ObjectNode answer = Messages.acknowledgementOf(Messages.id(report));
        answer.put("sender", AgencyStubs.CARDIFF);

        HubApi.send(AgencyStubs.CARDIFF, answer).statusCode(422)
                .body("violations[0].pointer", equalTo("/correlationId"))
                .body("violations[0].rule", equalTo("answers-a-duty-to-report-sent-to-you"));
    }
}

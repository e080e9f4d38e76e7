package wales.safeguarding.hub.childprotection;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.escalation.Escalator;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Each clock of the process runs out at the hand-computed time and reminds children's services then, not a second
 * before. The test clock moves; nothing waits.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProcessClocksFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @Inject
    Escalator escalator;

    private CaseMessages journey;

    @BeforeEach
    void a_new_case() {
        agencies.reset();
        journey = new CaseMessages();
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    void should_remind_the_council_when_no_initial_conference_is_called_within_15_working_days() {
        at("2027-03-10T09:00:00Z");
        ObjectNode strategy = journey.of("strategy-meeting-invitation");
        strategy.with("body").remove("dutyToReportId");
        strategy.with("body").with("meeting").put("startsAt", "2027-03-10T10:00:00Z");
        HubApi.send(COUNCIL, strategy).statusCode(202);
        // 15 working days after Wednesday 10 March 2027, Good Friday 26 and Easter Monday 29 March skipped:
        // 11, 12, 15-19, 22-25, 30, 31 March, 1, 2 April: end of Friday 2 April (summer time).
        assertRunsOutAt("initial-conference", "2027-04-02T23:00:00Z");
    }

    @Test
    void should_remind_the_council_when_the_full_minutes_are_not_out_within_20_working_days() {
        at("2027-02-01T09:00:00Z");
        ObjectNode invitation = journey.of("conference-invitation");
        invitation.with("body").with("meeting").put("startsAt", "2027-02-03T10:00:00Z");
        invitation.with("body").with("writtenReport").put("requested", false).remove("dueBy");
        HubApi.send(COUNCIL, invitation).statusCode(202);
        // 20 working days after Wednesday 3 February 2027: 4, 5, 8-12, 15-19, 22-26 February, 1, 2, 3 March.
        assertRunsOutAt("conference-minutes", "2027-03-04T00:00:00Z");
    }

    @Test
    void should_remind_the_council_of_the_first_core_group_10_working_days_after_the_registering_conference() {
        registeringConferenceHeldOn("2027-05-27");
        // 10 working days after Thursday 27 May 2027, the spring bank holiday (Monday 31 May) skipped:
        // 28 May, 1-4, 7-11 June: end of Friday 11 June (summer time).
        assertRunsOutAt("first-core-group", "2027-06-11T23:00:00Z");
    }

    /** Issue 10 defect 6: the next core group is due six weeks from the day the core group met, not from the update. */
    @Test
    void should_remind_the_council_of_the_core_group_six_weeks_after_the_day_it_met() {
        registeringConferenceHeldOn("2027-01-07");
        // Tuesday 2 February 2027: the record of the core group that met two weeks ago, on Tuesday 19 January.
        at("2027-02-02T15:00:00Z");
        ObjectNode update = CaseMessages.naming(journey.of("plan-update"));
        update.with("body").put("coreGroupMetOn", "2027-01-19");
        HubApi.send(COUNCIL, update).statusCode(202);
        // Six weeks after Tuesday 19 January 2027: end of Tuesday 2 March (not of Tuesday 16 March).
        assertRunsOutAt("core-group", "2027-03-03T00:00:00Z");
    }

    /** Issue 10 defect 6: only the record of a core group meeting meets the first core group clock. */
    @Test
    void should_still_remind_of_the_first_core_group_when_a_plan_update_records_no_core_group_meeting() {
        registeringConferenceHeldOn("2027-05-27");
        at("2027-06-01T15:00:00Z");
        HubApi.send(COUNCIL, CaseMessages.naming(journey.of("plan-update"))).statusCode(202);
        // 10 working days after Thursday 27 May 2027, the spring bank holiday skipped: end of Friday 11 June.
        assertRunsOutAt("first-core-group", "2027-06-11T23:00:00Z");
        assertThat(reminders("core-group")).as("no core group clock was started").isZero();
    }

    /** Issue 10 defect 6: a core group cannot have met on a day still to come. */
    @Test
    void should_refuse_a_core_group_record_dated_in_the_future() {
        at("2027-02-02T15:00:00Z");
        ObjectNode update = CaseMessages.naming(journey.of("plan-update"));
        update.with("body").put("coreGroupMetOn", "2027-02-03");
        HubApi.send(COUNCIL, update).statusCode(422)
                .body("violations[0].pointer", org.hamcrest.Matchers.equalTo("/body/coreGroupMetOn"))
                .body("violations[0].rule", org.hamcrest.Matchers.equalTo("core-group-met-not-in-future"));
    }

    @Test
    void should_remind_the_council_of_the_first_review_conference_three_months_after_the_initial_one() {
        registeringConferenceHeldOn("2026-11-30");
        // Three months after Monday 30 November 2026: 28 February 2027 (no 30th), end of that day.
        assertRunsOutAt("first-review-conference", "2027-03-01T00:00:00Z");
    }

    @Test
    void should_remind_the_council_of_each_later_review_six_months_after_the_last() {
        registeringConferenceHeldOn("2026-11-30");
        at("2027-02-20T09:00:00Z");
        String reviewId = "RCPC-" + journey.caseReference();
        ObjectNode review = journey.of("conference-invitation");
        review.with("body").put("conferenceId", reviewId).put("kind", "review")
                .put("previousConferenceId", journey.conferenceId()).remove("lastStrategyDiscussionAt");
        review.with("body").with("meeting").put("startsAt", "2027-02-25T10:00:00Z");
        HubApi.send(COUNCIL, review).statusCode(202);
        at("2027-02-25T15:00:00Z");
        ObjectNode plan = journey.of("outline-plan");
        plan.with("body").put("conferenceId", reviewId).put("heldOn", "2027-02-25");
        HubApi.send(COUNCIL, plan).statusCode(202);
        // Six months after Thursday 25 February 2027: end of Wednesday 25 August (summer time).
        assertRunsOutAt("review-conference", "2027-08-25T23:00:00Z");
    }

    /** An initial conference (invitation, then a registering outline plan) held on {@code day}. */
    private void registeringConferenceHeldOn(String day) {
        Instant held = Instant.parse(day + "T10:00:00Z");
        at(held.minus(Duration.ofDays(5)).toString());
        ObjectNode invitation = journey.of("conference-invitation");
        invitation.with("body").with("meeting").put("startsAt", held.toString());
        invitation.with("body").with("writtenReport").put("requested", false).remove("dueBy");
        HubApi.send(COUNCIL, invitation).statusCode(202);
        at(held.plus(Duration.ofHours(5)).toString());
        ObjectNode plan = journey.of("outline-plan");
        plan.with("body").put("heldOn", day);
        HubApi.send(COUNCIL, plan).statusCode(202);
    }

    /** The clock is due at {@code dueAt}: nothing a second before, a reminder to the council right after. */
    private void assertRunsOutAt(String clockName, String dueAt) {
        Instant due = Instant.parse(dueAt);
        at(due.minusSeconds(1).toString());
        escalator.fireDue();
        assertThat(reminders(clockName)).as(clockName + " before it runs out").isZero();
        at(due.plusSeconds(1).toString());
        escalator.fireDue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(reminders(clockName)).as(clockName).isEqualTo(1));
    }

    private int reminders(String clockName) {
        return agencies.of(COUNCIL).findAll(postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", WireMock.equalTo("escalation"))
                .withRequestBody(WireMock.matchingJsonPath("$.caseReference", WireMock.equalTo(journey.caseReference())))
                .withRequestBody(WireMock.matchingJsonPath("$.body.step", WireMock.equalTo("reminder")))
                .withRequestBody(WireMock.matchingJsonPath("$.body.missing[0]", WireMock.equalTo(clockName)))).size();
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

}

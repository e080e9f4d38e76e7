package wales.safeguarding.hub.childprotection;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.hub.escalation.Escalator;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * One child's journey, start to end, across Christmas 2026 and the New Year: a school's duty-to-report, a strategy
 * discussion, the section 47 outcome, the initial conference (the hub adds the GP), the GP's report, the outline plan
 * to an invitee who did not attend, the register, the core group, the review conference and the removal. Every
 * deadline is checked against a date worked out by hand (comments give the count).
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ChildProtectionJourneyFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String GP = AgencyStubs.GP;
    private static final String SCHOOL = AgencyStubs.SCHOOL;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @Inject
    Escalator escalator;

    private final CaseMessages journey = new CaseMessages();

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    void should_carry_a_childs_whole_child_protection_journey_on_its_statutory_clocks() {
        agencies.reset();

        // Monday 14 December 2026: the school reports. Acknowledgement and outcome: 7 working days (15, 16, 17, 18,
        // 21, 22, 23 December): end of Wednesday 23 December. Next actions: 1 working day: end of Tuesday 15.
        at("2026-12-14T09:00:00Z");
        ObjectNode report = Messages.dutyToReport();
        report.put("sender", SCHOOL).put("caseReference", journey.caseReference());
        report.with("body").with("reporter").put("agencyId", SCHOOL);
        HubApi.send(SCHOOL, report).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));
        String reportId = Messages.id(report);
        assertThat(due(SCHOOL, reportId, "report-acknowledgement")).isEqualTo("2026-12-24T00:00:00Z");
        assertThat(due(SCHOOL, reportId, "next-actions")).isEqualTo("2026-12-16T00:00:00Z");

        // Tuesday 15: acknowledged (also the decision on next actions), and a strategy discussion called for Wednesday 16.
        at("2026-12-15T10:00:00Z");
        HubApi.send(COUNCIL, inCase(Messages.acknowledgementOf(reportId))).statusCode(202);
        ObjectNode strategy = journey.of("strategy-meeting-invitation");
        strategy.with("body").put("dutyToReportId", reportId);
        strategy.with("body").with("meeting").put("startsAt", "2026-12-16T10:00:00Z");
        HubApi.send(COUNCIL, strategy).statusCode(202);
        assertThat(met(SCHOOL, reportId, "next-actions")).isTrue();
        // Initial conference within 15 working days of the strategy discussion: 17, 18, 21, 22, 23, 24 December,
        // (25 and 28 are bank holidays) 29, 30, 31, (1 January) 4, 5, 6, 7, 8, 11 January: end of Monday 11 January.
        assertThat(due(COUNCIL, Messages.id(strategy), "initial-conference")).isEqualTo("2027-01-12T00:00:00Z");

        // Wednesday 16: the section 47 enquiry is the outcome; the school hears it.
        at("2026-12-16T15:00:00Z");
        HubApi.send(COUNCIL, inCase(Messages.outcomeOf(reportId))).statusCode(202);
        assertThat(met(SCHOOL, reportId, "report-outcome")).isTrue();

        // Friday 18: the initial conference is called for Thursday 7 January; the council leaves the GP out.
        at("2026-12-18T09:00:00Z");
        ObjectNode invitation = CaseMessages.naming(CaseMessages.inviting(journey.of("conference-invitation"), POLICE,
                SCHOOL), POLICE, SCHOOL);
        invitation.with("body").with("meeting").put("startsAt", "2027-01-07T10:00:00Z");
        // The council asks for reports by the 6th at 17:00; the hub holds them to its lead time, the earlier of the two.
        invitation.with("body").with("writtenReport").put("requested", true).put("dueBy", "2027-01-06T17:00:00Z");
        HubApi.send(COUNCIL, invitation).statusCode(202)
                .body("recipients", containsInAnyOrder(POLICE, SCHOOL, GP))
                .body("complianceNotes[0].code", equalTo("gp-added"));
        String invitationId = Messages.id(invitation);
        assertThat(met(COUNCIL, Messages.id(strategy), "initial-conference")).as("called is not held").isFalse();
        // Written reports two working days before Thursday 7 January: 6, 5 January: end of Tuesday 5 January.
        // Outline plan 5 working days after: 8, 11, 12, 13, 14: end of Thursday 14 January.
        // Minutes 20 working days after: 8, 11-15, 18-22, 25-29 January, 1-4 February: end of Thursday 4 February.
        JsonPath clocks = HubApi.track(COUNCIL, invitationId).statusCode(200).extract().jsonPath();
        assertThat(clocks.getList("clocks.findAll { it.clock == 'written-report' }.owedBy", String.class))
                .containsExactlyInAnyOrder(POLICE, SCHOOL, GP);
        assertThat(clocks.getList("clocks.findAll { it.clock == 'written-report' }.dueAt", String.class))
                .containsOnly("2027-01-06T00:00:00Z");
        assertThat(due(COUNCIL, invitationId, "outline-plan")).isEqualTo("2027-01-15T00:00:00Z");
        assertThat(due(COUNCIL, invitationId, "conference-minutes")).isEqualTo("2027-02-05T00:00:00Z");
        awaitReceived(GP, invitationId);

        // Monday 4 January: the GP's report returns; the police and the school send none.
        at("2027-01-04T12:00:00Z");
        ObjectNode gpReport = journey.of("conference-report");
        gpReport.put("correlationId", invitationId);
        HubApi.send(GP, gpReport).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));
        at("2027-01-06T00:00:01Z");
        escalator.fireDue();
        awaitEscalation(POLICE, "written-report", "reminder");
        awaitEscalation(SCHOOL, "written-report", "reminder");
        assertThat(reminders(GP, "written-report")).as("the GP's report came back").isZero();

        // Monday 11 January: the outline plan, named only to the police (who attended) reaches the GP and the school
        // too. The child is registered: the first core group is due 10 working days after the conference (8, 11-15,
        // 18-21 January: end of Thursday 21 January), the first review 3 months after it (end of 7 April, summer time).
        at("2027-01-11T10:00:00Z");
        ObjectNode plan = CaseMessages.naming(journey.of("outline-plan"), POLICE);
        plan.with("body").put("heldOn", "2027-01-07").putArray("attended").add(COUNCIL).add(POLICE);
        HubApi.send(COUNCIL, plan).statusCode(202).body("recipients", containsInAnyOrder(POLICE, GP, SCHOOL));
        awaitReceived(GP, Messages.id(plan));
        assertThat(met(COUNCIL, invitationId, "outline-plan")).isTrue();
        assertThat(met(COUNCIL, Messages.id(strategy), "initial-conference")).as("held on 7 January").isTrue();
        assertThat(due(COUNCIL, Messages.id(plan), "first-core-group")).isEqualTo("2027-01-22T00:00:00Z");
        assertThat(due(COUNCIL, Messages.id(plan), "first-review-conference")).isEqualTo("2027-04-07T23:00:00Z");

        // The register: the outline plan's decision reaches the child's GP practice (so the GP record shows it),
        // school and police force as a register change the hub makes from it.
        for (String agency : List.of(GP, SCHOOL, POLICE)) {
            assertThat(awaitRegisterChange(agency, Messages.id(plan)).at("/body/change").asText()).isEqualTo("added");
        }

        // Tuesday 19 January: the core group meets; its record, sent the next day, meets the clock, and the next is
        // due six weeks from the day it met (end of Tuesday 2 March).
        at("2027-01-20T15:00:00Z");
        ObjectNode update = CaseMessages.naming(journey.of("plan-update"));
        update.with("body").put("coreGroupMetOn", "2027-01-19");
        HubApi.send(COUNCIL, update).statusCode(202).body("recipients", containsInAnyOrder(SCHOOL, GP));
        assertThat(met(COUNCIL, Messages.id(plan), "first-core-group")).isTrue();
        assertThat(due(COUNCIL, Messages.id(update), "core-group")).isEqualTo("2027-03-03T00:00:00Z");

        // Monday 1 February: the final minutes, to every invitee.
        at("2027-02-01T09:00:00Z");
        ObjectNode minutes = CaseMessages.naming(journey.of("conference-minutes"));
        minutes.with("body").put("final", true);
        HubApi.send(COUNCIL, minutes).statusCode(202).body("recipients", containsInAnyOrder(POLICE, SCHOOL, GP));
        assertThat(met(COUNCIL, invitationId, "conference-minutes")).isTrue();

        // Thursday 1 April: the review conference is called (Easter 2027 in between); its outline plan will meet the first
        // review clock, not the invitation.
        at("2027-04-01T09:00:00Z");
        ObjectNode review = journey.of("conference-invitation");
        review.with("body").put("conferenceId", "RCPC-" + journey.caseReference()).put("kind", "review")
                .put("previousConferenceId", journey.conferenceId()).remove("lastStrategyDiscussionAt");
        review.with("body").with("meeting").put("startsAt", "2027-04-06T10:00:00Z");
        HubApi.send(COUNCIL, review).statusCode(202);
        assertThat(met(COUNCIL, Messages.id(plan), "first-review-conference")).isFalse();

        // Tuesday 6 April: the review decides the child comes off the register; the plan says so with the child's
        // eligible care and support needs and a contingency plan (1.2), and the hub's register change carries them to
        // the GP practice, school and police force.
        at("2027-04-07T09:00:00Z");
        ObjectNode reviewPlan = journey.of("outline-plan");
        reviewPlan.with("body").put("conferenceId", "RCPC-" + journey.caseReference()).put("heldOn", "2027-04-06")
                .put("registered", false).remove("categoriesOfHarm");
        reviewPlan.with("body")
                .put("eligibleNeeds", "Care and support needs: help with school attendance and a family support worker.")
                .put("contingencyPlan", "If Alys is left alone again, the school tells children's services the same day.");
        HubApi.send(COUNCIL, reviewPlan).statusCode(202);
        assertThat(met(COUNCIL, Messages.id(plan), "first-review-conference")).as("the review was held").isTrue();
        for (String agency : List.of(GP, SCHOOL, POLICE)) {
            JsonNode removal = awaitRegisterChange(agency, Messages.id(reviewPlan));
            assertThat(removal.at("/body/change").asText()).isEqualTo("removed");
            assertThat(removal.at("/body/effectiveOn").asText()).isEqualTo("2027-04-06");
        }
        assertThat(met(COUNCIL, Messages.id(update), "core-group")).as("no more core groups after removal").isTrue();

        // The case timeline shows the council every message of the journey, in order.
        JsonPath timeline = given().header("Authorization", Tokens.bearer(COUNCIL))
                .get("/api/v1/cases/" + journey.caseReference() + "/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("entries.findAll { it.event == 'accepted' }.messageType", String.class))
                .containsSubsequence("duty-to-report", "report-acknowledgement", "strategy-meeting-invitation",
                        "report-outcome", "conference-invitation", "conference-report", "outline-plan",
                        "register-change", "plan-update", "conference-minutes", "conference-invitation",
                        "outline-plan", "register-change");
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private ObjectNode inCase(ObjectNode message) {
        return message.put("caseReference", journey.caseReference());
    }

    private static String due(String asAgency, String messageId, String clockName) {
        return HubApi.track(asAgency, messageId).statusCode(200).extract()
                .path("clocks.find { it.clock == '" + clockName + "' }.dueAt");
    }

    private static boolean met(String asAgency, String messageId, String clockName) {
        List<Object> met = HubApi.track(asAgency, messageId).statusCode(200).extract().jsonPath()
                .getList("clocks.findAll { it.clock == '" + clockName + "' }.metAt");
        return !met.isEmpty() && met.stream().allMatch(java.util.Objects::nonNull);
    }

    private void awaitReceived(String agency, String messageId) {
        await().atMost(WAIT).untilAsserted(() -> agencies.of(agency).verify(exactly(1),
                postRequestedFor(urlEqualTo("/hub/messages")).withHeader("X-Hub-Message-Id", WireMock.equalTo(messageId))));
    }

    /** The register change the hub made from the outline plan {@code planId}, as {@code agency} received it. */
    private JsonNode awaitRegisterChange(String agency, String planId) {
        var pattern = postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", WireMock.equalTo("register-change"))
                .withRequestBody(WireMock.matchingJsonPath("$.correlationId", WireMock.equalTo(planId)));
        await().atMost(WAIT).untilAsserted(() -> agencies.of(agency).verify(exactly(1), pattern));
        return Messages.read(agencies.of(agency).findAll(pattern).get(0).getBody());
    }

    private void awaitEscalation(String agency, String missing, String step) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(escalations(agency, missing, step)).isEqualTo(1));
    }

    private int reminders(String agency, String missing) {
        return escalations(agency, missing, "reminder");
    }

    private int escalations(String agency, String missing, String step) {
        return agencies.of(agency).findAll(postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", WireMock.equalTo("escalation"))
                .withRequestBody(WireMock.matchingJsonPath("$.caseReference", WireMock.equalTo(journey.caseReference())))
                .withRequestBody(WireMock.matchingJsonPath("$.body.step", WireMock.equalTo(step)))
                .withRequestBody(WireMock.matchingJsonPath("$.body.missing[0]", WireMock.equalTo(missing)))).size();
    }
}

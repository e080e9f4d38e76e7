package wales.safeguarding.hub.childprotection;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

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
 * Decisions stop clocks and clocks measure the event (issue 10 defects 2 and 3), through the public API: a strategy
 * discussion on Wednesday 10 March 2027 makes the initial conference due by the end of Friday 2 April (Good Friday and
 * Easter Monday skipped). The test clock moves; the tests fire the escalations themselves.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DecisionsFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String DISCUSSION = "2027-03-10T10:00:00Z";
    private static final String INITIAL_DUE = "2027-04-02T23:00:00Z";

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
    @DisplayName("issue 10 defect 2: a section 47 determination of no further action stops the initial conference clock: no reminder at 15 working days")
    void no_reminder_after_a_determination_of_no_further_action() {
        ObjectNode strategy = strategyDiscussion();
        at("2027-03-22T16:00:00Z");
        ObjectNode determination = journey.of("section-47-determination");
        CaseMessages.naming(determination);
        determination.with("body").put("outcome", "not-substantiated").put("nextStep", "no-further-action")
                .remove(List.of("dutyToReportId", "invitees"));
        withoutChildReference(determination);

        HubApi.send(COUNCIL, determination).statusCode(202)
                .body("recipients", hasItems(AgencyStubs.DYFED_POWYS_POLICE, AgencyStubs.GP, AgencyStubs.SCHOOL))
                .body("complianceNotes.code", hasItem("initial-conference-not-due"));

        assertThat(metAt(strategy, "initial-conference")).isEqualTo("2027-03-22T16:00:00Z");
        assertNoReminderAfter(strategy, INITIAL_DUE, "initial-conference");
        JsonPath timeline = given().header("Authorization", Tokens.bearer(COUNCIL))
                .get("/api/v1/cases/" + journey.caseReference() + "/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("entries.findAll { it.event == 'clock-met' && it.clock == 'initial-conference' }"
                + ".detail", String.class)).containsExactly("met by section-47-determination");
        assertThat(timeline.getList("entries.findAll { it.event == 'accepted' }.messageType", String.class))
                .containsSubsequence("strategy-meeting-invitation", "section-47-determination");
    }

    @Test
    @DisplayName("issue 10 defect 2: an initial conference cancelled as no longer needed stops its clocks: no reminder")
    void no_reminder_after_a_cancellation_of_a_conference_no_longer_needed() {
        ObjectNode strategy = strategyDiscussion();
        ObjectNode invitation = initialConference("2027-03-12T09:00:00Z", "2027-03-25T10:00:00Z");
        at("2027-03-15T09:00:00Z");
        ObjectNode cancellation = journey.of("conference-cancellation");
        CaseMessages.naming(cancellation);
        cancellation.with("body").put("kind", "initial").put("stillNeeded", false);
        withoutChildReference(cancellation);

        HubApi.send(COUNCIL, cancellation).statusCode(202)
                .body("recipients", hasItems(AgencyStubs.DYFED_POWYS_POLICE, AgencyStubs.GP, AgencyStubs.SCHOOL))
                .body("complianceNotes.code", hasItem("conference-not-needed"));

        assertThat(metAt(invitation, "outline-plan")).isNotNull();
        assertNoReminderAfter(strategy, INITIAL_DUE, "initial-conference");
        assertNoReminderAfter(invitation, "2027-04-06T00:00:00Z", "outline-plan");
    }

    @Test
    @DisplayName("issue 10 defect 2: a cancellation of a conference the hub never carried is refused (known-conference)")
    void a_cancellation_of_an_unknown_conference_is_refused() {
        ObjectNode cancellation = journey.of("conference-cancellation");
        HubApi.send(COUNCIL, cancellation).statusCode(422).body(containsString("known-conference"));
    }

    @Test
    @DisplayName("issue 10 defect 3: an initial conference booked for the 30th working day is accepted with a lateness note, reminded at 15 working days, and met when its outline plan arrives")
    void a_late_conference_is_noted_reminded_and_met_when_held() {
        ObjectNode strategy = strategyDiscussion();
        ObjectNode invitation = journey.of("conference-invitation");
        invitation.with("body").put("lastStrategyDiscussionAt", DISCUSSION);
        invitation.with("body").with("meeting").put("startsAt", "2027-04-21T09:00:00Z");
        invitation.with("body").with("writtenReport").put("requested", false).remove("dueBy");
        at("2027-03-12T09:00:00Z");

        HubApi.send(COUNCIL, invitation).statusCode(202)
                .body("complianceNotes.code", hasItem("conference-late"))
                .body("complianceNotes.find { it.code == 'conference-late' }.en",
                        containsString("booked for 2027-04-21, after the 15-working-day limit of 2027-04-02"));
        HubApi.track(COUNCIL, Messages.id(invitation)).statusCode(200)
                .body("history.findAll { it.event == 'compliance-note' }.detail",
                        hasItem(containsString("conference-late")));
        assertThat(metAt(strategy, "initial-conference")).as("the invitation is not the conference").isNull();

        assertRemindedAt(INITIAL_DUE, "initial-conference");

        at("2027-04-21T15:00:00Z");
        ObjectNode plan = journey.of("outline-plan");
        plan.with("body").put("heldOn", "2027-04-21");
        HubApi.send(COUNCIL, plan).statusCode(202);
        assertThat(metAt(strategy, "initial-conference")).isEqualTo("2027-04-21T11:00:00Z");
    }

    @Test
    @DisplayName("domain.md: an initial conference held in time meets its clock on the day held, and nobody is reminded while its outline plan is on its way")
    void a_conference_in_time_is_met_on_the_day_held() {
        ObjectNode strategy = strategyDiscussion();
        initialConference("2027-03-12T09:00:00Z", "2027-04-01T09:00:00Z");

        assertNoReminderAfter(strategy, INITIAL_DUE, "initial-conference");

        at("2027-04-06T09:00:00Z");
        ObjectNode plan = journey.of("outline-plan");
        plan.with("body").put("heldOn", "2027-04-01");
        HubApi.send(COUNCIL, plan).statusCode(202);
        assertThat(metAt(strategy, "initial-conference")).as("noon of the day held, summer time")
                .isEqualTo("2027-04-01T11:00:00Z");
        assertNoReminderAfter(strategy, "2027-04-20T00:00:00Z", "initial-conference");
    }

    @Test
    @DisplayName("issue 10 defect 2: a strategy meeting about a child already on the register starts no initial conference clock")
    void a_strategy_meeting_about_a_registered_child_starts_no_clock() {
        at("2027-03-08T09:00:00Z");
        HubApi.send(COUNCIL, CaseMessages.naming(journey.of("register-change"))).statusCode(202);
        ObjectNode strategy = strategyDiscussion();

        List<String> clocks = HubApi.track(COUNCIL, Messages.id(strategy)).statusCode(200).extract().jsonPath()
                .getList("clocks.clock", String.class);
        assertThat(clocks).doesNotContain("initial-conference");
    }

    @Test
    @DisplayName("issue 10 (children, not a child): an invitation about two siblings with different GP practices reaches each practice with only its own patient")
    void each_gp_practice_receives_only_its_own_patient() throws Exception {
        ObjectNode invitation = Messages.example("valid/conference-invitation-siblings.json");
        invitation.put("messageId", UUID.randomUUID().toString()).put("caseReference", journey.caseReference());
        String id = Messages.id(invitation);

        HubApi.send(COUNCIL, invitation).statusCode(202)
                .body("recipients", hasItems(AgencyStubs.GP, AgencyStubs.FHIR_GP));

        LoggedRequest toRestPractice = await().atMost(WAIT).until(() -> received(AgencyStubs.GP, "/hub/messages", id),
                r -> r != null);
        JsonNode copy = Messages.read(toRestPractice.getBody());
        assertThat(copy.path("body").path("children")).hasSize(1);
        assertThat(copy.path("body").path("children").get(0).path("name").asText()).isEqualTo("Alys Enghraifft");
        // (the council's own words, the reason, may still name the brother: only the children list is the hub's)
        assertThat(toRestPractice.getBodyAsString()).doesNotContain("Owain Enghraifft").doesNotContain("9990000026");

        LoggedRequest toFhirPractice = await().atMost(WAIT)
                .until(() -> received(AgencyStubs.FHIR_GP, "/fhir/$process-message", id), r -> r != null);
        assertThat(toFhirPractice.getBodyAsString()).contains("9990000026").doesNotContain("9990000018")
                .doesNotContain("Alys Enghraifft");
    }

    /** The request the agency's stub received for message {@code id}, or null while none has come. */
    private LoggedRequest received(String agency, String path, String id) {
        return agencies.of(agency).findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(r -> r.getBodyAsString().contains(id)).findFirst().orElse(null);
    }

    /** The strategy discussion of {@link #DISCUSSION}, called that morning. */
    private ObjectNode strategyDiscussion() {
        at("2027-03-10T09:00:00Z");
        ObjectNode strategy = journey.of("strategy-meeting-invitation");
        strategy.with("body").remove("dutyToReportId");
        strategy.with("body").with("meeting").put("startsAt", DISCUSSION);
        HubApi.send(COUNCIL, strategy).statusCode(202);
        return strategy;
    }

    /** The initial conference, called at {@code calledAt} for {@code startsAt}. */
    private ObjectNode initialConference(String calledAt, String startsAt) {
        at(calledAt);
        ObjectNode invitation = journey.of("conference-invitation");
        invitation.with("body").put("lastStrategyDiscussionAt", DISCUSSION);
        invitation.with("body").with("meeting").put("startsAt", startsAt);
        invitation.with("body").with("writtenReport").put("requested", false).remove("dueBy");
        HubApi.send(COUNCIL, invitation).statusCode(202);
        return invitation;
    }

    /** The examples name the child by the council's reference; the other examples of this case do not. */
    private static void withoutChildReference(ObjectNode message) {
        message.with("body").withArray("children").forEach(c -> ((ObjectNode) c).remove("childReference"));
    }

    private static String metAt(ObjectNode startedBy, String clockName) {
        return HubApi.track(COUNCIL, Messages.id(startedBy)).statusCode(200).extract().jsonPath()
                .getString("clocks.find { it.clock == '" + clockName + "' }.metAt");
    }

    /** After {@code dueAt} the escalator fires nothing for the clock: it climbed no rung, and sent no reminder. */
    private void assertNoReminderAfter(ObjectNode startedBy, String dueAt, String clockName) {
        at(Instant.parse(dueAt).plusSeconds(1).toString());
        escalator.fireDue();
        List<Integer> steps = HubApi.track(COUNCIL, Messages.id(startedBy)).statusCode(200).extract().jsonPath()
                .getList("clocks.findAll { it.clock == '" + clockName + "' }.escalationStep", Integer.class);
        assertThat(steps).as(clockName + " rungs climbed").isNotEmpty().containsOnly(0);
        assertThat(reminders(clockName)).as(clockName + " reminders").isZero();
    }

    private void assertRemindedAt(String dueAt, String clockName) {
        at(Instant.parse(dueAt).minusSeconds(1).toString());
        escalator.fireDue();
        assertThat(reminders(clockName)).as(clockName + " before it runs out").isZero();
        at(Instant.parse(dueAt).plusSeconds(1).toString());
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

package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 14 item 2, through the public API: a strategy discussion asks each child's GP practice and school (and the
 * health board of the child's area, where the directory names one) for what they know, with a clock to the start of
 * the discussion; each contribution reaches children's services and the police and meets its sender's clock.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class StrategyContributionFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
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

    private CaseMessages journey;
    private String meetingId;

    @BeforeEach
    void a_new_case() {
        agencies.reset();
        journey = new CaseMessages();
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    /** The council invites only the police, for a discussion at 10:00 on Wednesday 2 December 2026. */
    private String strategyMeeting() {
        ObjectNode meeting = CaseMessages.naming(CaseMessages.inviting(journey.of("strategy-meeting-invitation"), POLICE),
                POLICE);
        meeting.with("body").remove("dutyToReportId");
        meeting.with("body").with("meeting").put("startsAt", "2026-12-02T10:00:00Z");
        meetingId = meeting.with("body").get("meetingId").asText();
        JsonPath accepted = HubApi.send(COUNCIL, meeting).statusCode(202)
                .body("recipients", containsInAnyOrder(POLICE, GP, SCHOOL)).extract().jsonPath();
        assertThat(accepted.getList("complianceNotes.code", String.class)).containsExactly("contributors-added");
        assertThat(accepted.getString("complianceNotes[0].en")).contains(GP, SCHOOL, "what they know");
        return Messages.id(meeting);
    }

    @Test
    @DisplayName("the GP and school are asked, the school's contribution reaches the council and the police")
    void should_ask_the_gp_and_school_and_carry_the_schools_contribution_to_the_council_and_the_police() {
        String invitationId = strategyMeeting();
        // due at the discussion's start: earlier than a working day after the invitation
        JsonPath tracked = HubApi.track(COUNCIL, invitationId).statusCode(200).extract().jsonPath();
        assertThat(tracked.getList("clocks.findAll { it.clock == 'strategy-contribution' }.owedBy", String.class))
                .containsExactlyInAnyOrder(GP, SCHOOL);
        assertThat(tracked.getList("clocks.findAll { it.clock == 'strategy-contribution' }.dueAt", String.class))
                .containsOnly("2026-12-02T10:00:00Z");

        ObjectNode contribution = CaseMessages.naming(journey.of("strategy-contribution"));
        contribution.with("body").put("meetingId", meetingId);
        String id = Messages.id(contribution);
        HubApi.send(SCHOOL, contribution).statusCode(202).body("recipients", containsInAnyOrder(COUNCIL, POLICE));

        JsonNode police = await().atMost(WAIT).until(() -> agencies.received(POLICE, id), r -> r != null);
        assertThat(police.at("/body/information").asText()).contains("late 14 times");
        assertThat(police.at("/body/children/0").has("nhsNumber")).isFalse();
        await().atMost(WAIT).until(() -> agencies.received(COUNCIL, id), r -> r != null);
        JsonPath after = HubApi.track(COUNCIL, invitationId).statusCode(200).extract().jsonPath();
        assertThat(after.getString("clocks.find { it.clock == 'strategy-contribution' && it.owedBy == '" + SCHOOL
                + "' }.metAt")).isNotNull();
        assertThat(after.getString("clocks.find { it.clock == 'strategy-contribution' && it.owedBy == '" + GP
                + "' }.metAt")).isNull();

        // the GP, who sent nothing, is reminded once the discussion has started, not before
        clock.set(Instant.parse("2026-12-02T09:59:59Z"));
        escalator.fireDue();
        clock.set(Instant.parse("2026-12-02T10:00:01Z"));
        escalator.fireDue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(agencies.escalationsMissing(GP, journey.caseReference(), "strategy-contribution")).isEqualTo(1));
        assertThat(agencies.escalationsMissing(SCHOOL, journey.caseReference(), "strategy-contribution")).isZero();
    }

    @Test
    @DisplayName("a discussion by telephone at short notice asks the GP and school for what they know within hours")
    void should_ask_for_contributions_to_a_telephone_discussion_within_hours() {
        ObjectNode request = CaseMessages.naming(journey.of("strategy-contribution-request"));
        request.with("body").remove("contributeBy");
        request.with("body").put("heldAt", "2026-12-01T15:30:00Z");
        String requestId = Messages.id(request);
        meetingId = request.with("body").get("meetingId").asText();

        JsonPath accepted = HubApi.send(COUNCIL, request).statusCode(202)
                .body("recipients", containsInAnyOrder(POLICE, GP, SCHOOL)).extract().jsonPath();
        assertThat(accepted.getList("complianceNotes.code", String.class))
                .containsExactly("police-added", "contributors-added");
        // without contributeBy: hub.strategy.contribution-request-hours (4) after the request, 09:00 + 4 h
        JsonPath tracked = HubApi.track(COUNCIL, requestId).statusCode(200).extract().jsonPath();
        assertThat(tracked.getList("clocks.findAll { it.clock == 'strategy-contribution' }.owedBy", String.class))
                .containsExactlyInAnyOrder(GP, SCHOOL);
        assertThat(tracked.getList("clocks.findAll { it.clock == 'strategy-contribution' }.dueAt", String.class))
                .containsOnly("2026-12-01T13:00:00Z");
        // the discussion counts for the initial conference: 15 working days from it
        assertThat(tracked.getList("clocks.clock", String.class)).contains("initial-conference");
        JsonNode atSchool = await().atMost(WAIT).until(() -> agencies.received(SCHOOL, requestId), r -> r != null);
        assertThat(atSchool.at("/body/by").asText()).isEqualTo("telephone");
        assertThat(atSchool.at("/body/children/0").has("nhsNumber")).isFalse();

        ObjectNode contribution = CaseMessages.naming(journey.of("strategy-contribution"));
        contribution.with("body").put("meetingId", meetingId);
        HubApi.send(GP, contribution.put("sender", GP)).statusCode(202)
                .body("recipients", containsInAnyOrder(COUNCIL, POLICE));
        JsonPath after = HubApi.track(COUNCIL, requestId).statusCode(200).extract().jsonPath();
        assertThat(after.getString("clocks.find { it.clock == 'strategy-contribution' && it.owedBy == '" + GP
                + "' }.metAt")).isNotNull();
    }

    @Test
    @DisplayName("a contribution from an agency not asked, or to a meeting the hub did not carry, is refused")
    void should_refuse_a_contribution_from_an_agency_not_asked_or_to_an_unknown_meeting() {
        strategyMeeting();
        ObjectNode stranger = journey.of("strategy-contribution");
        stranger.put("sender", AgencyStubs.SECOND_SCHOOL);
        stranger.with("body").put("meetingId", meetingId);
        HubApi.send(AgencyStubs.SECOND_SCHOOL, stranger).statusCode(422)
                .body("violations[0].rule", equalTo("asked-for-contribution"));

        ObjectNode unknown = journey.of("strategy-contribution");
        unknown.with("body").put("meetingId", "NO-SUCH-MEETING");
        HubApi.send(SCHOOL, unknown).statusCode(422).body("violations[0].rule", equalTo("known-strategy-meeting"));
    }
}

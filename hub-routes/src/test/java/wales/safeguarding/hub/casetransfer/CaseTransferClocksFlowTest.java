package wales.safeguarding.hub.casetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.escalation.Escalator;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 15 item 4: the two clocks a case transfer starts, both owed by the receiving council (Cardiff) to the sending
 * one (Carmarthenshire), climb the receiving council's ladder when missed: a reminder to Cardiff, then a notice to
 * both councils' managers, then Cardiff's regional board (Cardiff and Vale), never Carmarthenshire's. A met clock
 * does not escalate; a transfer-in conference Cardiff books in time holds its clock until its outline plan, which
 * meets it on the day it was held. Time is moved with the test clock.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CaseTransferClocksFlowTest {

    // escalations fired by a sweep of the whole suite's clocks (earlier tests leave many) can take more than 20 s
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String CARDIFF = AgencyStubs.CARDIFF;
    private static final String CARDIFF_BOARD = AgencyStubs.CARDIFF_AND_VALE_BOARD;
    private static final String ACK_CLOCK = "case-transfer-acknowledgement";
    private static final String CONFERENCE_CLOCK = "transfer-in-conference";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @Inject
    Escalator escalator;

    @Inject
    DataSource dataSource;

    private Database database;
    private CaseMessages journey;
    private String transferId;

    @BeforeEach
    void a_registered_child_handed_to_cardiff() {
        agencies.reset();
        database = new Database(dataSource);
        journey = new CaseMessages();
        // Tuesday 1 December 2026: Alys is registered in Carmarthenshire, and her case is handed to Cardiff.
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        HubApi.send(COUNCIL, journey.of("conference-invitation")).statusCode(202);
        HubApi.send(COUNCIL, journey.of("outline-plan")).statusCode(202);
        ObjectNode transfer = journey.of("case-transfer");
        HubApi.send(COUNCIL, transfer).statusCode(202);
        transferId = Messages.id(transfer);
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    @DisplayName("issue 15 item 4: a missed acknowledgement climbs Cardiff's ladder, to Cardiff's people and board")
    void should_escalate_a_missed_acknowledgement_to_the_receiving_council_then_its_managers_then_its_board() {
        // Due by the end of Friday 4 December (3 working days).
        at("2026-12-04T23:59:00Z");
        assertThat(steps(ACK_CLOCK)).isEmpty();

        at("2026-12-05T00:00:01Z");
        assertThat(steps(ACK_CLOCK)).containsExactly("reminder");
        assertThat(recipients(ACK_CLOCK, "reminder")).isEqualTo(CARDIFF);

        // The managers two working days later: the end of Tuesday 8 December.
        at("2026-12-08T23:59:00Z");
        assertThat(steps(ACK_CLOCK)).containsExactly("reminder");
        at("2026-12-09T00:00:01Z");
        assertThat(steps(ACK_CLOCK)).containsExactly("reminder", "manager-notice");
        assertThat(recipients(ACK_CLOCK, "manager-notice")).isEqualTo(CARDIFF + "," + COUNCIL);
        JsonNode managers = awaitReceived(COUNCIL, escalationId(ACK_CLOCK, "manager-notice"));
        // Cardiff owes it (its senior safeguarding manager); Carmarthenshire waits for it and is told, by name
        assertThat(addressees(managers)).containsExactly(
                COUNCIL + "/senior-safeguarding-manager", CARDIFF + "/senior-safeguarding-manager");
        assertThat(managers.at("/body/missing/0").asText()).isEqualTo(ACK_CLOCK);

        // The board five working days after the due day: the end of Friday 11 December; Cardiff's board only.
        at("2026-12-11T23:59:00Z");
        assertThat(steps(ACK_CLOCK)).containsExactly("reminder", "manager-notice");
        at("2026-12-12T00:00:01Z");
        assertThat(steps(ACK_CLOCK)).containsExactly("reminder", "manager-notice", "board-notice");
        assertThat(recipients(ACK_CLOCK, "board-notice")).isEqualTo(CARDIFF_BOARD);
        JsonNode board = awaitReceived(CARDIFF_BOARD, escalationId(ACK_CLOCK, "board-notice"));
        assertThat(addressees(board)).containsExactly(CARDIFF_BOARD + "/board-business-manager");
        assertThat(agencies.escalationsMissing(AgencyStubs.MID_AND_WEST_WALES_BOARD, journey.caseReference(),
                ACK_CLOCK)).isZero();

        // each rung once
        at("2026-12-20T00:00:01Z");
        assertThat(steps(ACK_CLOCK)).containsExactly("reminder", "manager-notice", "board-notice");
    }

    @Test
    @DisplayName("issue 15 item 4: a transfer-in conference not held in 15 working days climbs Cardiff's ladder")
    void should_escalate_a_missed_transfer_in_conference_to_the_receiving_council_then_its_managers_then_its_board() {
        acknowledgedByCardiff();

        // Due by the end of Tuesday 22 December (15 working days).
        at("2026-12-22T23:59:00Z");
        assertThat(steps(CONFERENCE_CLOCK)).isEmpty();
        at("2026-12-23T00:00:01Z");
        assertThat(steps(CONFERENCE_CLOCK)).containsExactly("reminder");
        assertThat(recipients(CONFERENCE_CLOCK, "reminder")).isEqualTo(CARDIFF);

        // Three working days later across Christmas (25 and 28 December are bank holidays): the end of Tuesday 29th.
        at("2026-12-29T23:59:00Z");
        assertThat(steps(CONFERENCE_CLOCK)).containsExactly("reminder");
        at("2026-12-30T00:00:01Z");
        assertThat(steps(CONFERENCE_CLOCK)).containsExactly("reminder", "manager-notice");
        assertThat(recipients(CONFERENCE_CLOCK, "manager-notice")).isEqualTo(CARDIFF + "," + COUNCIL);

        // Five working days after the due day: the end of Thursday 31 December.
        at("2027-01-01T00:00:01Z");
        assertThat(steps(CONFERENCE_CLOCK)).containsExactly("reminder", "manager-notice", "board-notice");
        assertThat(recipients(CONFERENCE_CLOCK, "board-notice")).isEqualTo(CARDIFF_BOARD);
        assertThat(steps(ACK_CLOCK)).as("the acknowledgement came in time").isEmpty();
    }

    @Test
    void should_not_escalate_clocks_the_receiving_council_met() {
        acknowledgedByCardiff();
        HubApi.track(COUNCIL, transferId).statusCode(200)
                .body("clocks.find { it.clock == '" + ACK_CLOCK + "' }.metAt", notNullValue());

        at("2026-12-12T00:00:01Z");
        assertThat(steps(ACK_CLOCK)).isEmpty();
        assertThat(steps(CONFERENCE_CLOCK)).as("not due before 23 December").isEmpty();
    }

    @Test
    @DisplayName("issue 15 item 4: Cardiff's conference booked within 15 working days holds the clock; held, it meets it")
    void should_hold_the_transfer_in_clock_for_a_conference_booked_in_time_and_meet_it_when_held() {
        acknowledgedByCardiff();
        String conferenceId = "RCPC-" + UUID.randomUUID();
        // Monday 7 December: Cardiff invites to its transfer-in conference on Friday 18 December, in time.
        clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        ObjectNode invitation = fromCardiff(journey.of("conference-invitation"));
        invitation.with("body").put("conferenceId", conferenceId).put("kind", "review")
                .put("previousConferenceId", journey.conferenceId()).remove("lastStrategyDiscussionAt");
        invitation.with("body").with("meeting").put("startsAt", "2026-12-18T10:00:00Z");
        HubApi.send(CARDIFF, invitation).statusCode(202)
                .body("complianceNotes.findAll { it.en.contains('transfer-in') }", org.hamcrest.Matchers.empty());

        // The clock runs out on 23 December while the conference's outline plan is not yet due: no reminder.
        at("2026-12-23T00:00:01Z");
        assertThat(steps(CONFERENCE_CLOCK)).isEmpty();

        ObjectNode plan = fromCardiff(journey.of("outline-plan"));
        plan.with("body").put("conferenceId", conferenceId).put("heldOn", "2026-12-18");
        HubApi.send(CARDIFF, plan).statusCode(202);
        HubApi.track(COUNCIL, transferId).statusCode(200)
                .body("clocks.find { it.clock == '" + CONFERENCE_CLOCK + "' }.metAt", equalTo("2026-12-18T12:00:00Z"));

        at("2027-01-04T00:00:01Z");
        assertThat(steps(CONFERENCE_CLOCK)).isEmpty();
    }

    @Test
    void should_note_a_transfer_in_conference_booked_too_late_and_escalate_its_clock() {
        acknowledgedByCardiff();
        String conferenceId = "RCPC-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        ObjectNode invitation = fromCardiff(journey.of("conference-invitation"));
        invitation.with("body").put("conferenceId", conferenceId).put("kind", "review")
                .put("previousConferenceId", journey.conferenceId()).remove("lastStrategyDiscussionAt");
        invitation.with("body").with("meeting").put("startsAt", "2027-01-08T10:00:00Z");
        HubApi.send(CARDIFF, invitation).statusCode(202)
                .body("complianceNotes.code", hasItem("conference-late"))
                .body("complianceNotes.find { it.en.contains('transfer-in') }.en",
                        org.hamcrest.Matchers.containsString(
                                "after the 15-working-day limit of 2026-12-22 from the case transfer"));

        at("2026-12-23T00:00:01Z");
        assertThat(steps(CONFERENCE_CLOCK)).containsExactly("reminder");
        HubApi.track(COUNCIL, transferId).statusCode(200)
                .body("clocks.find { it.clock == '" + CONFERENCE_CLOCK + "' }.metAt", nullValue());
    }

    private void acknowledgedByCardiff() {
        clock.set(Instant.parse("2026-12-02T09:00:00Z"));
        ObjectNode ack = journey.of("acknowledgement");
        ack.put("sender", CARDIFF).put("correlationId", transferId).put("language", "en");
        ack.with("body").put("status", "accepted");
        HubApi.send(CARDIFF, ack).statusCode(202);
    }

    private static ObjectNode fromCardiff(ObjectNode message) {
        message.put("sender", CARDIFF);
        return message;
    }

    /** Moves the test clock and sweeps the clocks, as the scheduled scan does. */
    private void at(String instant) {
        clock.set(Instant.parse(instant));
        escalator.fireDue();
    }

    /** The escalation steps fired for this clock of the transfer, in the order they fired. */
    private List<String> steps(String clockName) {
        String steps = database.text("select string_agg(e.step, ',' order by e.fired_at, e.id) from escalation e"
                + " join statutory_clock c on c.id = e.clock_id where c.message_id = ? and c.clock = ?",
                UUID.fromString(transferId), clockName);
        return steps == null ? List.of() : List.of(steps.split(","));
    }

    /** The recipients of the escalation message of this step, sorted and joined by commas. */
    private String recipients(String clockName, String step) {
        return database.text("select string_agg(d.recipient, ',' order by d.recipient) from escalation e"
                + " join statutory_clock c on c.id = e.clock_id join delivery d on d.message_id = e.escalation_message_id"
                + " where c.message_id = ? and c.clock = ? and e.step = ?", UUID.fromString(transferId), clockName, step);
    }

    private String escalationId(String clockName, String step) {
        return database.text("select e.escalation_message_id::text from escalation e join statutory_clock c"
                + " on c.id = e.clock_id where c.message_id = ? and c.clock = ? and e.step = ?",
                UUID.fromString(transferId), clockName, step);
    }

    private JsonNode awaitReceived(String agency, String messageId) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(agencies.received(agency, messageId)).isNotNull());
        return agencies.received(agency, messageId);
    }

    private static List<String> addressees(JsonNode escalation) {
        List<String> out = new ArrayList<>();
        escalation.at("/body/addressees").forEach(a -> out.add(a.path("agencyId").asText() + "/" + a.path("role").asText()));
        return out;
    }
}

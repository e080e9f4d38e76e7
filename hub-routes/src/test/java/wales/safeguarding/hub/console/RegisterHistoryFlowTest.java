package wales.safeguarding.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 15 item 5, recommendation 4.1: the register's history, from register changes sent through the hub's API (a
 * child added, removed and added again), read back as the board report's register measures.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RegisterHistoryFlowTest {

    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String REGION = AgencyStubs.MID_AND_WEST_WALES_BOARD;
    private static final String PATH = Console.API + "/reports";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void should_count_a_re_registration_within_12_months_the_time_on_the_register_and_a_child_on_it_at_the_end() {
        // the council's own reference for the child: no other test's child is this one
        String child = "RH-" + UUID.randomUUID();
        LocalDate added = TODAY.minusDays(200);
        LocalDate removed = TODAY.minusDays(100);
        LocalDate addedAgain = TODAY.minusDays(10);
        String from = TODAY.minusDays(250).toString();
        Map<String, Object> before = row("council", from, TODAY.toString(), COUNCIL);
        Map<String, Object> regionBefore = row("region", from, TODAY.toString(), REGION);
        Map<String, Object> removedBefore = row("council", removed.toString(), removed.toString(), COUNCIL);
        String dayBefore = removed.minusDays(1).toString();
        Map<String, Object> dayBeforeBefore = row("council", dayBefore, dayBefore, COUNCIL);

        CaseMessages journey = new CaseMessages();
        HubApi.send(COUNCIL, change(journey, child, "added", added)).statusCode(202);
        HubApi.send(COUNCIL, change(journey, child, "removed", removed)).statusCode(202);
        HubApi.send(COUNCIL, change(journey, child, "added", addedAgain)).statusCode(202);

        Map<String, Object> after = row("council", from, TODAY.toString(), COUNCIL);
        // two registrations in the period; the second 90 days after the child came off the register
        assertThat(delta(before, after, "registrations")).isEqualTo(2);
        assertThat(delta(before, after, "reRegistrationsWithin12Months")).isEqualTo(1);
        assertThat(delta(before, after, "removalsFromRegister")).isEqualTo(1);
        assertThat(delta(before, after, "childrenOnRegisterAtEnd")).isEqualTo(1);
        assertThat(delta(before, after, "stillRegisteredAfterSecondReview")).isZero();
        assertThat(delta(regionBefore, row("region", from, TODAY.toString(), REGION), "reRegistrationsWithin12Months"))
                .isEqualTo(1);

        // the day of the removal alone: the one child taken off, on the register for 100 days
        Map<String, Object> removedDay = row("council", removed.toString(), removed.toString(), COUNCIL);
        assertThat(delta(removedBefore, removedDay, "removalsFromRegister")).isEqualTo(1);
        assertThat(((Number) removedDay.get("medianDaysOnRegister")).doubleValue()).isEqualTo(100.0);
        // 100 days: more than 3 months (92 days at most), less than 12
        assertThat(delta(removedBefore, removedDay, "removed3To12Months")).isEqualTo(1);
        assertThat(delta(removedBefore, removedDay, "removedUnder3Months")).isZero();

        // the day before the removal: the child was on the register at its end (with no review held); on the day of
        // the removal, no longer
        Map<String, Object> onTheDayBefore = row("council", dayBefore, dayBefore, COUNCIL);
        assertThat(delta(dayBeforeBefore, onTheDayBefore, "childrenOnRegisterAtEnd")).isEqualTo(1);
        assertThat(delta(dayBeforeBefore, onTheDayBefore, "stillRegisteredAfterSecondReview")).isZero();
        assertThat(delta(removedBefore, removedDay, "childrenOnRegisterAtEnd")).isZero();
    }

    @Test
    void should_count_a_child_still_registered_after_the_second_review_conference() {
        String child = "RH-" + UUID.randomUUID();
        LocalDate registered = TODAY.minusDays(300);
        LocalDate firstReview = TODAY.minusDays(210);
        LocalDate secondReview = TODAY.minusDays(30);
        String between = TODAY.minusDays(100).toString();
        Map<String, Object> before = row("council", TODAY.toString(), TODAY.toString(), COUNCIL);
        Map<String, Object> betweenBefore = row("council", between, between, COUNCIL);

        CaseMessages journey = new CaseMessages();
        // the initial conference registers the child; two review conferences keep them on the register
        conference(journey, child, journey.conferenceId(), null, registered);
        String first = "RCPC-1-" + journey.caseReference();
        conference(journey, child, first, journey.conferenceId(), firstReview);
        conference(journey, child, "RCPC-2-" + journey.caseReference(), first, secondReview);

        // today: on the register, past the second review
        Map<String, Object> after = row("council", TODAY.toString(), TODAY.toString(), COUNCIL);
        assertThat(delta(before, after, "childrenOnRegisterAtEnd")).isEqualTo(1);
        assertThat(delta(before, after, "stillRegisteredAfterSecondReview")).isEqualTo(1);
        // 100 days ago: on the register, after the first review only
        Map<String, Object> betweenAfter = row("council", between, between, COUNCIL);
        assertThat(delta(betweenBefore, betweenAfter, "childrenOnRegisterAtEnd")).isEqualTo(1);
        assertThat(delta(betweenBefore, betweenAfter, "stillRegisteredAfterSecondReview")).isZero();
    }

    /**
     * A conference about the child held on {@code day} (initial when {@code previous} is null, else a review of it):
     * its invitation, then its outline plan keeping the child on the register.
     */
    private static void conference(CaseMessages journey, String child, String conferenceId, String previous,
            LocalDate day) {
        ObjectNode invitation = journey.of("conference-invitation");
        ObjectNode body = invitation.with("body");
        body.put("conferenceId", conferenceId);
        if (previous != null) {
            body.put("kind", "review").put("previousConferenceId", previous).remove("lastStrategyDiscussionAt");
        }
        body.with("meeting").put("startsAt", day + "T10:00:00Z");
        body.with("writtenReport").put("requested", false).remove("dueBy");
        ((ObjectNode) body.withArray("children").get(0)).put("childReference", child);
        HubApi.send(COUNCIL, invitation).statusCode(202);
        ObjectNode plan = journey.of("outline-plan");
        plan.with("body").put("conferenceId", conferenceId).put("heldOn", day.toString());
        HubApi.send(COUNCIL, plan).statusCode(202);
    }

    /** A register change for the child, in the journey's case, taking effect on {@code on}. */
    private static ObjectNode change(CaseMessages journey, String child, String change, LocalDate on) {
        ObjectNode message = journey.of("register-change");
        ObjectNode body = message.with("body");
        body.put("change", change).put("effectiveOn", on.toString());
        body.with("child").put("childReference", child);
        if ("removed".equals(change)) {
            body.remove("categoriesOfHarm");
            body.put("eligibleNeeds", "Alys's needs are met by a care and support plan.")
                    .put("contingencyPlan", "If Alys misses school two days running, the school rings.");
        }
        return message;
    }

    private static Map<String, Object> row(String groupBy, String from, String to, String group) {
        Map<String, Object> row = Console.as("board-viewer").queryParam("from", from).queryParam("to", to)
                .queryParam("groupBy", groupBy).get(PATH).then().statusCode(200).extract().jsonPath()
                .getMap("rows.find { it.group == '" + group + "' }");
        return row == null ? Map.of() : row;
    }

    private static long delta(Map<String, Object> before, Map<String, Object> after, String field) {
        return number(after.get(field)) - number(before.get(field));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}

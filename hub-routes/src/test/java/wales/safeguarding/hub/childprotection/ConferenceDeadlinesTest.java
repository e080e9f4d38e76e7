package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.ALYS;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.CASE;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.COUNCIL;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.OWAIN;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.aboutAlys;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.caseWith;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.child;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.due;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.envelope;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.example;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.rules.ConferenceRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.envelope.Envelope;

/** Conferences booked by their invitation and met when held (issue 10 defect 3). */
class ConferenceDeadlinesTest {

    private static final String INITIAL = "initial-conference";
    private static final String CONFERENCE = "CCS-ICPC-2025-0042";
    private static final String REVIEW_ID = "CCS-RCPC-2025-0093";
    /** The examples' last strategy discussion: Thursday 5 June 2025, 11:30 BST. */
    private static final String LAST_DISCUSSION = "2025-06-05T10:30:00Z";
    private static final Instant NOW = Instant.parse("2025-06-10T08:30:00Z");

    private final ConferenceRules rules = DecisionsFixture.conferenceRules();

    private static ObjectNode invitation(String startsAt) {
        ObjectNode invitation = aboutAlys("conference-invitation");
        invitation.with("body").with("meeting").put("startsAt", startsAt);
        return invitation;
    }

    private static ObjectNode review(String startsAt) {
        ObjectNode review = example("conference-invitation-siblings");
        review.with("body").put("conferenceId", REVIEW_ID).put("kind", "review")
                .put("previousConferenceId", CONFERENCE).remove("lastStrategyDiscussionAt");
        review.with("body").with("meeting").put("startsAt", startsAt);
        return review;
    }

    private List<Effect> accepted(ObjectNode message, FactsInMemory facts) {
        Envelope stored = envelope(message);
        return rules.accepted(stored, NOW, facts);
    }

    @Test
    @DisplayName("domain.md: the initial conference is due within 15 working days of the last strategy discussion")
    void the_initial_conference_is_due_15_working_days_after_the_last_strategy_discussion() {
        // 6, 9-13, 16-20, 23-26 June 2025: the end of Thursday 26 June (summer time).
        assertThat(due(INITIAL, LAST_DISCUSSION)).isEqualTo(Instant.parse("2025-06-26T23:00:00Z"));

        List<Effect> effects = accepted(invitation("2025-06-24T09:00:00Z"), new FactsInMemory());

        assertThat(effects).contains(new Effect.StartClock(INITIAL, CASE, null, COUNCIL, COUNCIL,
                Instant.parse(LAST_DISCUSSION)));
    }

    @Test
    @DisplayName("issue 10 defect 3: an initial conference invitation does not meet the initial conference clock")
    void the_invitation_does_not_meet_the_initial_conference_clock() {
        FactsInMemory facts = new FactsInMemory()
                .withRunningClock(CASE, INITIAL, null, COUNCIL, due(INITIAL, LAST_DISCUSSION));

        List<Effect> effects = accepted(invitation("2025-06-24T09:00:00Z"), facts);

        assertThat(effects).noneMatch(e -> e instanceof Effect.StopClocks s && s.clock().equals(INITIAL));
        assertThat(effects).noneMatch(e -> e instanceof Effect.StartClock s && s.clock().equals(INITIAL));
    }

    @Test
    @DisplayName("issue 10 defect 3: lastStrategyDiscussionAt later than the clock's start moves the initial conference clock to run from it")
    void a_later_strategy_discussion_moves_the_clock() {
        FactsInMemory facts = new FactsInMemory()
                .withRunningClock(CASE, INITIAL, null, COUNCIL, due(INITIAL, "2025-06-02T09:00:00Z"));

        List<Effect> effects = accepted(invitation("2025-06-24T09:00:00Z"), facts);

        assertThat(effects).contains(new Effect.MoveClocks(INITIAL, CASE, null, Instant.parse(LAST_DISCUSSION)));
    }

    @Test
    @DisplayName("domain.md: an earlier lastStrategyDiscussionAt leaves the clock of a later strategy discussion alone")
    void an_earlier_strategy_discussion_moves_nothing() {
        FactsInMemory facts = new FactsInMemory()
                .withRunningClock(CASE, INITIAL, null, COUNCIL, due(INITIAL, "2025-06-09T09:00:00Z"));

        List<Effect> effects = accepted(invitation("2025-06-24T09:00:00Z"), facts);

        assertThat(effects).noneMatch(e -> e instanceof Effect.MoveClocks m && m.clock().equals(INITIAL));
    }

    @Test
    @DisplayName("issue 10 defect 3: an initial conference booked after the 15 working days is accepted with a compliance note that it will be late, and its clock escalates as any late clock")
    void a_late_initial_conference_is_accepted_with_a_note_and_escalates() {
        FactsInMemory facts = new FactsInMemory()
                .withRunningClock(CASE, INITIAL, null, COUNCIL, due(INITIAL, LAST_DISCUSSION));
        ObjectNode late = invitation("2025-07-10T09:00:00Z");

        Routing routing = rules.route(envelope(late), facts);
        List<Effect> effects = accepted(late, facts);

        assertThat(routing.violations()).isEmpty();
        ComplianceNote note = routing.notes().stream().filter(n -> n.code().equals("conference-late")).findFirst()
                .orElseThrow();
        assertThat(note.en()).contains("the conference is booked for 2025-07-10, after the 15-working-day limit of "
                + "2025-06-26: it will be late");
        assertThat(note.cy()).contains("2025-07-10").contains("2025-06-26").contains("bydd yn hwyr");
        assertThat(effects).contains(new Effect.HoldEscalations(INITIAL, CASE, null, null));
    }

    @Test
    @DisplayName("domain.md: an initial conference booked in time holds its clock's reminders until its outline plan is due, since the outline plan says it was held")
    void a_conference_in_time_holds_the_reminders_until_the_outline_plan_is_due() {
        FactsInMemory facts = new FactsInMemory()
                .withRunningClock(CASE, INITIAL, null, COUNCIL, due(INITIAL, LAST_DISCUSSION));
        ObjectNode inTime = invitation("2025-06-24T09:00:00Z");

        Routing routing = rules.route(envelope(inTime), facts);
        List<Effect> effects = accepted(inTime, facts);

        assertThat(routing.notes()).noneMatch(n -> n.code().equals("conference-late"));
        assertThat(effects).contains(new Effect.HoldEscalations(INITIAL, CASE, null,
                due("outline-plan", "2025-06-24T09:00:00Z")));
    }

    @Test
    @DisplayName("issue 10 defect 3: a rescheduled initial conference moved past the deadline gets the lateness note")
    void a_conference_rescheduled_past_the_deadline_is_late() {
        FactsInMemory facts = new FactsInMemory()
                .withRunningClock(CASE, INITIAL, null, COUNCIL, due(INITIAL, LAST_DISCUSSION))
                .withRunningClock(CASE, "outline-plan", CONFERENCE, COUNCIL, due("outline-plan", "2025-06-24T09:00:00Z"));
        ObjectNode moved = invitation("2025-07-03T09:00:00Z");
        moved.with("body").put("rescheduledFrom", "2025-06-24T10:00:00+01:00");

        Routing routing = rules.route(envelope(moved), facts);
        List<Effect> effects = accepted(moved, facts);

        assertThat(routing.notes()).anyMatch(n -> n.code().equals("conference-late"));
        assertThat(effects).contains(new Effect.MoveClocks("outline-plan", CASE, CONFERENCE,
                Instant.parse("2025-07-03T09:00:00Z")));
        assertThat(effects).contains(new Effect.HoldEscalations(INITIAL, CASE, null, null));
    }

    @Test
    @DisplayName("issue 10 defect 3: the hub records each conference an invitation books (kind, start, children)")
    void the_invitation_books_the_conference() {
        List<Effect> effects = accepted(example("conference-invitation-siblings"), new FactsInMemory());

        assertThat(effects).contains(new Effect.RememberConference(CASE, new ConferenceRecord(CONFERENCE, "initial",
                Instant.parse("2025-06-24T09:00:00Z"), List.of(ALYS, OWAIN))));
    }

    @Test
    @DisplayName("issue 10 defect 3: a review invitation does not meet the review clocks; one booked after a child's review date gets the lateness note")
    void a_review_invitation_meets_nothing_and_a_late_one_is_noted() {
        FactsInMemory facts = new FactsInMemory().withCase(caseWith(child(ALYS, null, true), child(OWAIN, null, true)))
                .withRunningClock(CASE, "first-review-conference", ALYS, COUNCIL, Instant.parse("2025-09-24T23:00:00Z"))
                .withRunningClock(CASE, "first-review-conference", OWAIN, COUNCIL, Instant.parse("2025-10-30T00:00:00Z"));
        ObjectNode review = review("2025-10-01T09:00:00Z");

        Routing routing = rules.route(envelope(review), facts);
        List<Effect> effects = accepted(review, facts);

        assertThat(effects).noneMatch(e -> e instanceof Effect.StopClocks s && s.clock().contains("review"));
        assertThat(routing.notes()).filteredOn(n -> n.code().equals("conference-late")).singleElement()
                .satisfies(n -> assertThat(n.en()).contains("booked for 2025-10-01, after the review due date of "
                        + "2025-09-24"));
        assertThat(effects).contains(new Effect.HoldEscalations("first-review-conference", CASE, ALYS, null),
                new Effect.HoldEscalations("first-review-conference", CASE, OWAIN,
                        due("outline-plan", "2025-10-01T09:00:00Z")));
    }

    @Test
    @DisplayName("issue 10 defect 3: the outline plan of an initial conference meets the initial conference clock on the day it was held")
    void the_outline_plan_of_an_initial_conference_meets_its_clock_on_the_day_held() {
        FactsInMemory facts = new FactsInMemory().withConference(CASE,
                new ConferenceRecord(CONFERENCE, "initial", Instant.parse("2025-06-24T09:00:00Z"), List.of(ALYS)));

        List<Effect> effects = ConferenceRules.held(facts, envelope(example("outline-plan")), CONFERENCE);

        // held on Tuesday 24 June 2025: noon, summer time
        assertThat(effects).containsExactly(
                new Effect.StopClocks(INITIAL, CASE, null, null, Instant.parse("2025-06-24T11:00:00Z")));
    }

    @Test
    @DisplayName("domain.md: the outline plan of a review conference meets each of its children's review clocks")
    void the_outline_plan_of_a_review_meets_each_childs_review_clocks() {
        FactsInMemory facts = new FactsInMemory().withConference(CASE,
                new ConferenceRecord(REVIEW_ID, "review", Instant.parse("2025-09-23T09:00:00Z"), List.of(ALYS, OWAIN)));
        ObjectNode plan = example("outline-plan");
        plan.with("body").put("conferenceId", REVIEW_ID).put("heldOn", "2025-09-23");
        Instant noon = Instant.parse("2025-09-23T11:00:00Z");

        List<Effect> effects = ConferenceRules.held(facts, envelope(plan), REVIEW_ID);

        assertThat(effects).containsExactly(
                new Effect.StopClocks("first-review-conference", CASE, ALYS, null, noon),
                new Effect.StopClocks("review-conference", CASE, ALYS, null, noon),
                new Effect.StopClocks("first-review-conference", CASE, OWAIN, null, noon),
                new Effect.StopClocks("review-conference", CASE, OWAIN, null, noon));
    }

    @Test
    @DisplayName("issue 10 defect 3: a conference the hub has no booking of meets no clock when held")
    void an_unbooked_conference_meets_nothing() {
        assertThat(ConferenceRules.held(new FactsInMemory(), envelope(example("outline-plan")), CONFERENCE)).isEmpty();
    }

    @Test
    @DisplayName("Wales Safeguarding Procedures c4-p10: the outline plan of the first conference a receiving council holds "
            + "for a case transferred to it meets the transfer-in conference clock on the day held")
    void the_outline_plan_of_the_first_conference_after_a_transfer_meets_the_transfer_in_clock() {
        FactsInMemory facts = new FactsInMemory().withConference(CASE,
                new ConferenceRecord(REVIEW_ID, "review", Instant.parse("2025-09-23T09:00:00Z"), List.of(ALYS)))
                .withRunningClock(CASE, "transfer-in-conference", null, "cardiff-childrens-services",
                        Instant.parse("2025-10-01T00:00:00Z"));
        ObjectNode plan = example("outline-plan");
        plan.with("body").put("conferenceId", REVIEW_ID).put("heldOn", "2025-09-23");
        Instant noon = Instant.parse("2025-09-23T11:00:00Z");

        assertThat(ConferenceRules.held(facts, envelope(plan), REVIEW_ID)).containsExactly(
                new Effect.StopClocks("transfer-in-conference", CASE, null, null, noon),
                new Effect.StopClocks("first-review-conference", CASE, ALYS, null, noon),
                new Effect.StopClocks("review-conference", CASE, ALYS, null, noon));
    }

    @Test
    @DisplayName("issue 15 item 4: the receiving council's conference booked within the transfer-in limit holds that clock's reminders until its outline plan is due")
    void a_conference_booked_in_time_after_a_transfer_holds_the_transfer_in_clock() {
        FactsInMemory facts = new FactsInMemory().withCase(caseWith(child(ALYS, null, true), child(OWAIN, null, true)))
                .withRunningClock(CASE, "transfer-in-conference", null, COUNCIL, Instant.parse("2025-09-30T23:00:00Z"));
        ObjectNode review = review("2025-09-26T09:00:00Z");

        Routing routing = rules.route(envelope(review), facts);
        List<Effect> effects = accepted(review, facts);

        assertThat(routing.notes()).noneMatch(n -> n.code().equals("conference-late"));
        assertThat(effects).contains(new Effect.HoldEscalations("transfer-in-conference", CASE, null,
                due("outline-plan", "2025-09-26T09:00:00Z")));
        assertThat(effects).noneMatch(e -> e instanceof Effect.StopClocks s && s.clock().equals("transfer-in-conference"));
    }

    @Test
    @DisplayName("issue 15 item 4: a conference booked after the transfer-in limit is noted late, naming the limit, and the clock escalates")
    void a_conference_booked_late_after_a_transfer_is_noted_and_escalates() {
        FactsInMemory facts = new FactsInMemory().withCase(caseWith(child(ALYS, null, true), child(OWAIN, null, true)))
                .withRunningClock(CASE, "transfer-in-conference", null, COUNCIL, Instant.parse("2025-09-30T23:00:00Z"));
        ObjectNode review = review("2025-10-08T09:00:00Z");

        Routing routing = rules.route(envelope(review), facts);
        List<Effect> effects = accepted(review, facts);

        assertThat(routing.notes()).filteredOn(n -> n.en().contains("transfer-in")).singleElement()
                .satisfies(n -> {
                    assertThat(n.code()).isEqualTo("conference-late");
                    assertThat(n.en()).contains("booked for 2025-10-08, after the 15-working-day limit of 2025-09-30");
                    assertThat(n.cy()).contains("2025-10-08").contains("2025-09-30").contains("trosglwyddo");
                });
        assertThat(effects).contains(new Effect.HoldEscalations("transfer-in-conference", CASE, null, null));
    }

    @Test
    @DisplayName("issue 10 defect 3: the outline plan meets the conference's clock before its register decisions start the next review clock")
    void the_outline_plan_meets_the_conference_clock_before_starting_the_next() {
        FactsInMemory facts = new FactsInMemory().withCase(caseWith(child(ALYS, null, false)))
                .withInvitees(CASE, CONFERENCE, "dyfed-powys-police")
                .withConference(CASE, new ConferenceRecord(CONFERENCE, "initial", Instant.parse("2025-06-24T09:00:00Z"),
                        List.of(ALYS)));
        ConferenceRecordRules records = new ConferenceRecordRules(DecisionsFixture.parties(),
                new wales.safeguarding.hub.calendar.StatutoryClocks("classpath:calendar/bank-holidays-england-and-wales.json"),
                Clock.fixed(NOW, ZoneOffset.UTC), 10, () -> RulesFixture.IDS, 2);

        List<Effect> effects = records.accepted(envelope(example("outline-plan")), NOW, facts);

        assertThat(effects.get(0)).isEqualTo(new Effect.StopClocks("outline-plan", CASE, CONFERENCE, null));
        assertThat(effects.get(1)).isEqualTo(
                new Effect.StopClocks(INITIAL, CASE, null, null, Instant.parse("2025-06-24T11:00:00Z")));
    }
}

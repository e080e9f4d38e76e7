package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.ALYS;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.CASE;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.GP;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.POLICE;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.SCHOOL;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.envelope;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.example;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.rules.ConferenceRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;

/** A conference cancelled: its own clocks stop, and the clock it answered stops only when no conference is needed. */
class ConferenceCancellationRulesTest {

    private static final String INITIAL_ID = "CCS-ICPC-2025-0042";
    private static final String REVIEW_ID = "CCS-RCPC-2025-0093";
    private static final Instant NOW = Instant.parse("2025-06-20T09:00:00Z");

    private final ConferenceCancellationRules rules = DecisionsFixture.cancellationRules();

    private static ObjectNode cancellation(String conferenceId, String kind, boolean stillNeeded) {
        ObjectNode message = example("conference-cancellation");
        message.putArray("recipients");
        message.with("body").put("conferenceId", conferenceId).put("kind", kind).put("stillNeeded", stillNeeded);
        return message;
    }

    private static FactsInMemory invited(String conferenceId, String kind) {
        return new FactsInMemory().withInvitees(CASE, conferenceId, POLICE, GP, SCHOOL)
                .withConference(CASE, new ConferenceRecord(conferenceId, kind, Instant.parse("2025-06-24T09:00:00Z"),
                        List.of(ALYS)));
    }

    @Test
    @DisplayName("issue 10 defect 2: a cancellation goes to every invitee of the conference")
    void the_cancellation_goes_to_every_invitee() {
        Routing routing = rules.route(envelope(cancellation(INITIAL_ID, "initial", true)), invited(INITIAL_ID, "initial"));

        assertThat(routing.violations()).isEmpty();
        assertThat(routing.recipients()).containsExactlyInAnyOrder(POLICE, GP, SCHOOL);
    }

    @Test
    @DisplayName("issue 10 defect 2: a cancellation of a conference no invitation went through the hub for is refused (known-conference)")
    void a_conference_the_hub_does_not_know_is_refused() {
        Routing routing = rules.route(envelope(cancellation("NO-SUCH", "initial", true)), new FactsInMemory());

        assertThat(routing.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("known-conference");
            assertThat(v.pointer()).isEqualTo("/body/conferenceId");
        });
    }

    @Test
    @DisplayName("issue 10 defect 2: a cancelled conference owes no outline plan, minutes or written reports")
    void the_conference_clocks_stop() {
        List<Effect> effects = rules.accepted(envelope(cancellation(INITIAL_ID, "initial", true)), NOW,
                invited(INITIAL_ID, "initial"));

        assertThat(effects).contains(new Effect.StopClocks("outline-plan", CASE, INITIAL_ID, null),
                new Effect.StopClocks("conference-minutes", CASE, INITIAL_ID, null),
                new Effect.StopClocks("written-report", CASE, INITIAL_ID, null));
    }

    @Test
    @DisplayName("issue 10 defect 2: an initial conference cancelled as no longer needed stops the initial conference clock")
    void an_initial_conference_no_longer_needed_stops_the_clock() {
        FactsInMemory facts = invited(INITIAL_ID, "initial");
        ObjectNode notNeeded = cancellation(INITIAL_ID, "initial", false);

        Routing routing = rules.route(envelope(notNeeded), facts);
        List<Effect> effects = rules.accepted(envelope(notNeeded), NOW, facts);

        assertThat(effects).contains(new Effect.StopClocks("initial-conference", CASE, null, null));
        assertThat(routing.notes()).extracting(n -> n.code()).containsExactly("conference-not-needed");
    }

    @Test
    @DisplayName("issue 10 defect 2: a conference cancelled but still needed leaves its clock running, escalating from where it stood")
    void a_conference_still_needed_leaves_the_clock_running() {
        FactsInMemory facts = invited(INITIAL_ID, "initial");
        ObjectNode stillNeeded = cancellation(INITIAL_ID, "initial", true);

        Routing routing = rules.route(envelope(stillNeeded), facts);
        List<Effect> effects = rules.accepted(envelope(stillNeeded), NOW, facts);

        assertThat(effects).noneMatch(e -> e instanceof Effect.StopClocks s && s.clock().equals("initial-conference"));
        assertThat(effects).contains(new Effect.HoldEscalations("initial-conference", CASE, null, null));
        assertThat(routing.notes()).extracting(n -> n.code()).containsExactly("conference-still-needed");
    }

    @Test
    @DisplayName("issue 10 defect 2: a review cancelled but still needed leaves each child's review clocks running")
    void a_review_still_needed_leaves_the_review_clocks_running() {
        List<Effect> effects = rules.accepted(envelope(cancellation(REVIEW_ID, "review", true)), NOW,
                invited(REVIEW_ID, "review"));

        assertThat(effects).noneMatch(e -> e instanceof Effect.StopClocks s && s.clock().contains("review"));
        assertThat(effects).contains(new Effect.HoldEscalations("first-review-conference", CASE, ALYS, null),
                new Effect.HoldEscalations("review-conference", CASE, ALYS, null));
    }

    @Test
    @DisplayName("issue 10 defect 4: a review no longer needed is refused: the child comes off the register by a register change or an outline plan, with 1.2")
    void a_review_no_longer_needed_is_refused() {
        Routing routing = rules.route(envelope(cancellation(REVIEW_ID, "review", false)), invited(REVIEW_ID, "review"));

        assertThat(routing.violations()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/body/stillNeeded");
            assertThat(v.rule()).isEqualTo("review-ends-by-register-change");
            assertThat(v.message()).contains("register-change").contains("outline plan");
        });
    }

    @Test
    @DisplayName("issue 10 defect 2: a cancellation naming the wrong kind of conference is refused")
    void the_wrong_kind_is_refused() {
        Routing routing = rules.route(envelope(cancellation(INITIAL_ID, "review", true)), invited(INITIAL_ID, "initial"));

        assertThat(routing.violations()).singleElement().satisfies(v -> assertThat(v.rule()).isEqualTo("kind-of-conference"));
    }

    @Test
    @DisplayName("issue 10 defect 2: only children's services cancel a conference")
    void only_the_council_cancels() {
        ObjectNode fromSchool = cancellation(INITIAL_ID, "initial", true);
        fromSchool.put("sender", SCHOOL);

        assertThat(rules.route(envelope(fromSchool), invited(INITIAL_ID, "initial")).violations()).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("council-only-type"));
    }
}

package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.ALYS;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.CASE;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.COUNCIL;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.GP;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.POLICE;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.SCHOOL;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.SECOND_GP;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.aboutAlys;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.caseWith;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.child;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.envelope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;

/** The section 47 determination: the end of the enquiry is a message that stops or leaves the clocks it should. */
class Section47RulesTest {

    private static final String INITIAL = "initial-conference";
    private static final String MEETING = "CCS-SM-2025-0117";
    private static final String SECOND_SCHOOL = DecisionsFixture.SECOND_SCHOOL;
    private static final Instant NOW = Instant.parse("2025-06-09T15:00:00Z");

    private final Section47Rules rules = DecisionsFixture.section47Rules();

    /** The example determination (about Alys), with this outcome and next step, naming no recipients itself. */
    private static ObjectNode determination(String outcome, String nextStep) {
        ObjectNode message = aboutAlys("section-47-determination");
        message.putArray("recipients");
        message.with("body").put("outcome", outcome).put("nextStep", nextStep).remove("invitees");
        return message;
    }

    private static FactsInMemory clockRunning() {
        return new FactsInMemory().withRunningClock(CASE, INITIAL, null, COUNCIL, Instant.parse("2025-06-26T23:00:00Z"));
    }

    @Test
    @DisplayName("issue 10 defect 2: a section 47 determination of no further action stops the initial conference clock, with a note saying why")
    void no_further_action_stops_the_initial_conference_clock() {
        ObjectNode nfa = determination("not-substantiated", "no-further-action");

        Routing routing = rules.route(envelope(nfa), clockRunning());
        List<Effect> effects = rules.accepted(envelope(nfa), NOW, clockRunning());

        assertThat(effects).contains(new Effect.StopClocks(INITIAL, CASE, null, null));
        assertThat(routing.notes()).filteredOn(n -> n.code().equals("initial-conference-not-due")).singleElement()
                .satisfies(n -> {
                    assertThat(n.en()).contains("2025-06-09").contains("not-substantiated")
                            .contains("no-further-action");
                    assertThat(n.cy()).contains("cynhadledd amddiffyn plant gychwynnol");
                });
    }

    @Test
    @DisplayName("issue 10 defect 2: a section 47 determination of care and support (no plan) stops the initial conference clock")
    void care_and_support_stops_the_initial_conference_clock() {
        ObjectNode care = determination("substantiated-no-continuing-risk", "care-and-support");

        assertThat(rules.accepted(envelope(care), NOW, clockRunning()))
                .contains(new Effect.StopClocks(INITIAL, CASE, null, null));
    }

    @Test
    @DisplayName("domain.md: a section 47 enquiry that convenes a conference leaves the initial conference clock running")
    void convene_conference_leaves_the_clock_running() {
        ObjectNode convene = determination("substantiated-convene-conference", "convene-conference");

        Routing routing = rules.route(envelope(convene), clockRunning());
        List<Effect> effects = rules.accepted(envelope(convene), NOW, clockRunning());

        assertThat(effects).noneMatch(e -> e instanceof Effect.StopClocks);
        assertThat(routing.notes()).noneMatch(n -> n.code().equals("initial-conference-not-due"));
    }

    @Test
    @DisplayName("issue 10 defect 2: a determination about children all already on the register starts and stops no conference clock")
    void a_determination_about_registered_children_touches_no_clock() {
        FactsInMemory facts = clockRunning().withCase(caseWith(child(ALYS, GP, true)));

        List<Effect> effects = rules.accepted(envelope(determination("not-substantiated", "no-further-action")), NOW,
                facts);

        assertThat(effects).noneMatch(e -> e instanceof Effect.StopClocks || e instanceof Effect.StartClock
                || e instanceof Effect.MoveClocks);
    }

    @Test
    @DisplayName("issue 10 defect 2: the determination goes to the parties of the strategy discussion, each child's police force and GP practice, and whom the council names")
    void the_determination_goes_to_the_parties_of_the_strategy_discussion() {
        FactsInMemory facts = new FactsInMemory().withStrategyDiscussion(CASE, MEETING, POLICE, SCHOOL, SECOND_SCHOOL)
                .withStrategyDiscussion(CASE, "ANOTHER-MEETING", SECOND_GP);
        ObjectNode message = determination("not-substantiated", "no-further-action");
        message.putArray("recipients").add(SCHOOL);

        Routing routing = rules.route(envelope(message), facts);

        assertThat(routing.violations()).isEmpty();
        assertThat(routing.recipients()).containsExactlyInAnyOrder(POLICE, SCHOOL, SECOND_SCHOOL, GP);
        assertThat(routing.notes()).filteredOn(n -> n.code().equals("decision-parties-added")).singleElement()
                .satisfies(n -> assertThat(n.en()).contains(POLICE).contains(SECOND_SCHOOL).contains(GP)
                        .doesNotContain(SCHOOL));
    }

    @Test
    @DisplayName("issue 10 defect 2: a determination for an enquiry the hub carried no strategy discussion of is accepted, to each child's police force and GP practice")
    void a_determination_without_a_strategy_discussion_is_accepted() {
        ObjectNode message = determination("not-substantiated", "no-further-action");
        message.with("body").remove("strategyMeetingId");

        Routing routing = rules.route(envelope(message), new FactsInMemory());

        assertThat(routing.routable()).isTrue();
        assertThat(routing.recipients()).containsExactlyInAnyOrder(POLICE, GP);
    }

    @Test
    @DisplayName("issue 10 defect 5: a determination about a duty-to-report is the decision on next actions")
    void a_determination_about_a_report_meets_next_actions() {
        UUID report = UUID.fromString("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01");

        List<Effect> effects = rules.accepted(envelope(determination("not-substantiated", "no-further-action")), NOW,
                new FactsInMemory());

        assertThat(effects).contains(new Effect.MeetClock(report, "next-actions", COUNCIL));
    }

    @Test
    @DisplayName("issue 10 defect 2: only children's services send a section 47 determination")
    void only_the_council_sends_it() {
        ObjectNode fromPolice = determination("not-substantiated", "no-further-action");
        fromPolice.put("sender", POLICE);

        Routing routing = rules.route(envelope(fromPolice), new FactsInMemory());

        assertThat(routing.violations()).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("council-only-type"));
    }
}

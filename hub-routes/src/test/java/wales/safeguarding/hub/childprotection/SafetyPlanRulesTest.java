package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
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

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;

/** Recommendation 6.2: the interim safety plan until the initial conference, and an invitation that lacks one. */
class SafetyPlanRulesTest {

    private static final String COUNCIL = "carmarthenshire-childrens-services";
    private final SafetyPlanRules rules = new SafetyPlanRules(DecisionsFixture.parties());

    private static ObjectNode plan(String... named) {
        ObjectNode message = example("safety-plan");
        var recipients = message.putArray("recipients");
        for (String agency : named) {
            recipients.add(agency);
        }
        return message;
    }

    @Test
    @DisplayName("6.2: the plan reaches each action's owner and the conference's invitees, and the hub says whom it added")
    void should_send_the_plan_to_every_owner_and_invitee_and_note_who_was_added() {
        FactsInMemory facts = new FactsInMemory().withInvitees(CASE, "CCS-ICPC-2025-0042", POLICE, SCHOOL, GP);

        Routing routing = rules.route(envelope(plan(POLICE)), facts);

        assertThat(routing.violations()).isEmpty();
        // the example's owners: the school, the GP, the police and the council itself (not sent to itself)
        assertThat(routing.recipients()).containsExactly(POLICE, SCHOOL, GP).doesNotContain(COUNCIL);
        assertThat(routing.notes()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("safety-plan-parties-added");
            assertThat(n.en()).contains(SCHOOL, GP).doesNotContain(POLICE + ",");
        });
    }

    @Test
    @DisplayName("6.2: a plan the council sent to every party is not noted")
    void should_note_nothing_when_the_council_named_every_party() {
        Routing routing = rules.route(envelope(plan(SCHOOL, GP, POLICE)), new FactsInMemory());

        assertThat(routing.recipients()).containsExactly(SCHOOL, GP, POLICE);
        assertThat(routing.notes()).isEmpty();
    }

    @Test
    @DisplayName("6.2: an owner the directory does not know is refused, naming the action")
    void should_refuse_an_unknown_owner() {
        ObjectNode message = plan();
        ((ObjectNode) message.with("body").withArray("actions").get(2)).put("owner", "no-such-force");

        assertThat(rules.route(envelope(message), new FactsInMemory()).violations()).singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/body/actions/2/owner");
                    assertThat(v.rule()).isEqualTo("known-agency");
                });
    }

    @Test
    @DisplayName("6.2: the plan's parties are remembered with the case")
    void should_remember_the_parties_of_the_plan() {
        List<Effect> effects = rules.accepted(envelope(plan(POLICE, SCHOOL)), Instant.parse("2025-06-06T15:00:00Z"),
                new FactsInMemory());

        assertThat(effects).contains(new Effect.AddMembers(CASE, Effect.AddMembers.SAFETY_PLAN, "CCS-SP-2025-0042",
                List.of(POLICE, SCHOOL)));
    }

    @Test
    @DisplayName("6.2: an initial invitation for a child at immediate risk without a safety plan is noted, with one it is not")
    void should_note_an_invitation_at_immediate_risk_without_a_safety_plan() {
        ConferenceRules conferences = DecisionsFixture.conferenceRules();
        ObjectNode invitation = example("conference-invitation");
        invitation.with("body").put("immediateRisk", true);

        assertThat(conferences.route(envelope(invitation), new FactsInMemory()).notes())
                .extracting(n -> n.code()).contains("safety-plan-missing");
        assertThat(conferences.route(envelope(invitation), new FactsInMemory().withSafetyPlan(CASE, POLICE)).notes())
                .extracting(n -> n.code()).doesNotContain("safety-plan-missing");
        invitation.with("body").put("immediateRisk", false);
        assertThat(conferences.route(envelope(invitation), new FactsInMemory()).notes())
                .extracting(n -> n.code()).doesNotContain("safety-plan-missing");
    }
}

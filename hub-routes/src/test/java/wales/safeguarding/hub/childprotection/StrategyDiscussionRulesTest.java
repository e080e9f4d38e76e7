package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.ALYS;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.CASE;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.COUNCIL;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.OWAIN;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.aboutAlys;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.caseWith;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.child;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.envelope;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.schemas.envelope.Envelope;

/** A strategy discussion about registered children calls for no initial conference; its parties are recorded. */
class StrategyDiscussionRulesTest {

    private static final String INITIAL = "initial-conference";
    private static final Instant MEETING_AT = Instant.parse("2025-06-05T09:00:00Z");
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");

    private final StrategyMeetingRules rules = DecisionsFixture.strategyMeetingRules();

    /** The example strategy meeting about Alys, or about Alys and Owain. */
    private static ObjectNode meeting(boolean withOwain) {
        ObjectNode meeting = aboutAlys("strategy-meeting-invitation");
        if (withOwain) {
            ArrayNode children = meeting.with("body").withArray("children");
            ObjectNode owain = children.get(0).deepCopy();
            owain.put("name", "Owain Enghraifft").put("dateOfBirth", "2019-09-03").put("childReference", OWAIN);
            children.add(owain);
        }
        return meeting;
    }

    private static boolean touchesTheInitialConferenceClock(Effect e) {
        return e instanceof Effect.StartClock s && s.clock().equals(INITIAL)
                || e instanceof Effect.MoveClocks m && m.clock().equals(INITIAL);
    }

    @Test
    @DisplayName("issue 10 defect 2: a strategy meeting about a child already on the register starts no initial conference clock")
    void a_meeting_about_a_registered_child_starts_no_clock() {
        FactsInMemory facts = new FactsInMemory().withCase(caseWith(child(ALYS, null, true)));

        List<Effect> effects = rules.accepted(envelope(meeting(false)), NOW, facts);

        assertThat(effects).noneMatch(StrategyDiscussionRulesTest::touchesTheInitialConferenceClock);
    }

    @Test
    @DisplayName("issue 10 defect 2: a strategy meeting about registered children does not move a running initial conference clock")
    void a_meeting_about_registered_children_moves_no_clock() {
        FactsInMemory facts = new FactsInMemory().withCase(caseWith(child(ALYS, null, true), child(OWAIN, null, true)))
                .withRunningClock(CASE, INITIAL, null, COUNCIL, Instant.parse("2025-06-20T23:00:00Z"));

        List<Effect> effects = rules.accepted(envelope(meeting(true)), NOW, facts);

        assertThat(effects).noneMatch(StrategyDiscussionRulesTest::touchesTheInitialConferenceClock);
    }

    @Test
    @DisplayName("domain.md: a strategy meeting about a sibling group with a child not on the register starts the initial conference clock")
    void a_meeting_about_siblings_some_unregistered_starts_the_clock() {
        FactsInMemory facts = new FactsInMemory().withCase(caseWith(child(ALYS, null, true), child(OWAIN, null, false)));

        List<Effect> effects = rules.accepted(envelope(meeting(true)), NOW, facts);

        assertThat(effects).contains(new Effect.StartClock(INITIAL, CASE, null, COUNCIL, COUNCIL, MEETING_AT));
    }

    @Test
    @DisplayName("issue 10 defect 2: the parties of each strategy discussion are recorded, for the section 47 determination")
    void the_parties_of_the_discussion_are_recorded() {
        Envelope stored = envelope(meeting(false));

        List<Effect> effects = rules.accepted(stored, NOW, new FactsInMemory());

        assertThat(effects).contains(new Effect.AddMembers(CASE, Effect.AddMembers.STRATEGY_DISCUSSION,
                "CCS-SM-2025-0117", stored.recipients()));
    }

    @Test
    @DisplayName("review finding: every relevant agency is asked; those the hub added are contributors, not parties, each owing a contribution by the start")
    void the_gp_and_school_are_asked_for_a_contribution_due_when_the_discussion_starts() {
        ObjectNode invitation = meeting(false);
        invitation.putArray("recipients").add(DecisionsFixture.POLICE);
        invitation.with("body").putArray("invitees").addObject().put("agencyId", DecisionsFixture.POLICE)
                .put("role", "PPU");
        Envelope message = envelope(invitation);

        var routing = rules.route(message, new FactsInMemory());
        assertThat(routing.recipients()).contains(DecisionsFixture.POLICE, DecisionsFixture.GP, DecisionsFixture.SCHOOL);
        assertThat(routing.notes()).extracting(n -> n.code()).contains("contributors-added");

        Envelope accepted = envelope(invitation.deepCopy().set("recipients",
                invitation.arrayNode().add(DecisionsFixture.POLICE).add(DecisionsFixture.GP).add(DecisionsFixture.SCHOOL)));
        List<Effect> effects = rules.accepted(accepted, NOW, new FactsInMemory());
        assertThat(effects).contains(
                new Effect.AddMembers(CASE, Effect.AddMembers.STRATEGY_DISCUSSION, "CCS-SM-2025-0117",
                        List.of(DecisionsFixture.POLICE)),
                new Effect.AddMembers(CASE, Effect.AddMembers.STRATEGY_CONTRIBUTOR, "CCS-SM-2025-0117",
                        List.of(DecisionsFixture.GP, DecisionsFixture.SCHOOL)));
        // the meeting on Thursday 5 June 2025 is later than one working day after Monday 2 June: due by the end of
        // Tuesday 3 June
        assertThat(effects).filteredOn(e -> e instanceof Effect.StartClockUntil s
                && s.clock().equals("strategy-contribution")).extracting(e -> ((Effect.StartClockUntil) e).owedBy())
                .containsExactlyInAnyOrder(DecisionsFixture.GP, DecisionsFixture.SCHOOL);
        assertThat(effects).filteredOn(e -> e instanceof Effect.StartClockUntil s
                && s.clock().equals("strategy-contribution")).extracting(e -> ((Effect.StartClockUntil) e).dueAt())
                .containsOnly(Instant.parse("2025-06-03T23:00:00Z"));
    }
}

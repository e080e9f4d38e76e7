package wales.safeguarding.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.envelope.MessageType;

/** What each kind receives of issue 10's new messages and fields: sibling groups, decisions, 1.2, core groups. */
class NeedToKnowSiblingsAndDecisionsTest {

    private final NeedToKnowPolicy policy = NeedToKnowPolicy.fromClasspath();

    private static JsonNode body(String file) {
        return Examples.tree("examples/valid/" + file).get("body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"police", "gp-practice", "health-board", "school", "education-service"})
    @DisplayName("issue 10 defect 1: every party that hears of a sibling group can tell the children apart")
    void should_give_the_child_reference_of_each_sibling_to_every_kind_that_hears_of_the_children(String kind) {
        JsonNode delivered = policy.bodyFor(MessageType.CONFERENCE_INVITATION, kind,
                body("conference-invitation-siblings.json"));

        assertThat(delivered.get("children")).extracting(c -> c.get("childReference").asText())
                .containsExactly("CCS-CHILD-004512-1", "CCS-CHILD-004512-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"police", "school", "education-service"})
    void should_not_give_the_nhs_numbers_of_a_sibling_groups_decisions_beyond_health(String kind) {
        JsonNode delivered = policy.bodyFor(MessageType.OUTLINE_PLAN, kind, body("outline-plan-siblings.json"));

        assertThat(delivered.get("children")).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("child").has("nhsNumber")).isFalse();
            assertThat(d.get("child").get("childReference").asText()).isNotBlank();
            assertThat(d.has("registered")).isTrue();
        });
    }

    @Test
    void should_give_health_each_childs_decision_but_how_they_took_part_and_the_police_the_contingency_plan_only() {
        JsonNode plan = body("outline-plan-siblings.json");
        ObjectNode forHealth = (ObjectNode) plan.deepCopy();
        forHealth.get("children").forEach(d -> ((ObjectNode) d).remove("participation"));

        assertThat(policy.bodyFor(MessageType.OUTLINE_PLAN, "gp-practice", plan)).isEqualTo(forHealth);
        assertThat(policy.bodyFor(MessageType.OUTLINE_PLAN, "health-board", plan)).isEqualTo(forHealth);
        assertThat(policy.bodyFor(MessageType.OUTLINE_PLAN, "council", plan)).isEqualTo(plan);
        JsonNode forPolice = policy.bodyFor(MessageType.OUTLINE_PLAN, "police", plan);
        assertThat(forPolice.at("/children/1/contingencyPlan").isTextual()).isTrue();
        assertThat(forPolice.at("/children/1").has("eligibleNeeds")).isFalse();
        JsonNode forSchool = policy.bodyFor(MessageType.OUTLINE_PLAN, "school", plan);
        assertThat(forSchool.at("/children/1/eligibleNeeds").isTextual()).isTrue();
        assertThat(forSchool.at("/children/0/child").has("gpPractice")).isFalse();
    }

    @Test
    void should_give_a_safeguarding_board_each_childs_registration_but_not_who_the_children_are() {
        JsonNode forBoard = policy.bodyFor(MessageType.OUTLINE_PLAN, "safeguarding-board", body("outline-plan-siblings.json"));

        assertThat(forBoard.get("children")).extracting(d -> d.get("registered").asBoolean()).containsExactly(true, false);
        assertThat(forBoard.toString()).doesNotContain("Enghraifft", "CCS-CHILD", "9990000018", "9990000026", "eligible");
    }

    @Test
    void should_give_a_safeguarding_board_the_outcome_and_next_step_of_a_determination_and_nothing_else() {
        JsonNode forBoard = policy.bodyFor(MessageType.SECTION_47_DETERMINATION, "safeguarding-board",
                body("section-47-determination.json"));

        assertThat(forBoard.fieldNames()).toIterable().containsExactly("concludedOn", "outcome", "nextStep");
    }

    @ParameterizedTest
    @ValueSource(strings = {"police", "gp-practice", "health-board", "school", "education-service"})
    @DisplayName("issue 10: a cancellation reaches each party with what it received of the invitation")
    void should_give_each_kind_of_a_cancellation_what_it_receives_of_the_children_of_the_invitation(String kind) {
        JsonNode invitation = policy.bodyFor(MessageType.CONFERENCE_INVITATION, kind,
                body("conference-invitation-siblings.json"));
        JsonNode cancellation = policy.bodyFor(MessageType.CONFERENCE_CANCELLATION, kind,
                body("conference-cancellation.json"));

        assertThat(cancellation.get("children").get(0)).isEqualTo(invitation.get("children").get(0));
        assertThat(cancellation.get("stillNeeded").asBoolean()).isTrue();
        assertThat(cancellation.get("reason").asText()).isNotBlank();
    }

    @Test
    @DisplayName("issue 10 defect 6: the date a core group met reaches the core group and the board")
    void should_give_the_date_a_core_group_met_to_the_core_group_and_the_board() {
        JsonNode update = body("plan-update-core-group.json");

        for (String kind : List.of("police", "gp-practice", "health-board", "school", "safeguarding-board")) {
            assertThat(policy.bodyFor(MessageType.PLAN_UPDATE, kind, update).path("coreGroupMetOn").asText())
                    .as(kind).isEqualTo("2025-07-03");
        }
    }
}

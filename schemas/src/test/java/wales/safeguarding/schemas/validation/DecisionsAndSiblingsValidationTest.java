package wales.safeguarding.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The contract of issue 10: the decisions that stop clocks (section-47-determination,
 * conference-cancellation), the core group's date, recommendation 1.2 on an outline plan, and
 * sibling groups (each child with its own childReference and decision).
 */
class DecisionsAndSiblingsValidationTest {

    private static final List<String> OUTCOMES =
            List.of("not-substantiated", "substantiated-no-continuing-risk", "substantiated-convene-conference");
    private static final List<String> NEXT_STEPS = List.of("no-further-action", "care-and-support", "convene-conference");

    private final CanonicalValidator validator = CanonicalValidator.fromClasspath();

    private static ObjectNode body(ObjectNode message) {
        return (ObjectNode) message.get("body");
    }

    private static ObjectNode example(String file) {
        return Examples.tree("examples/valid/" + file);
    }

    private List<Violation> violations(ObjectNode message) {
        return validator.validate(message);
    }

    static Stream<Arguments> everyOutcomeWithEveryNextStep() {
        List<Arguments> pairs = new ArrayList<>();
        for (String outcome : OUTCOMES) {
            for (String nextStep : NEXT_STEPS) {
                pairs.add(Arguments.of(outcome, nextStep));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("everyOutcomeWithEveryNextStep")
    @DisplayName("issue 10 defect 2 / domain.md section 47: a conference is convened if and only if the outcome convenes one")
    void should_convene_a_conference_exactly_when_the_outcome_is_substantiated_convene_conference(String outcome,
            String nextStep) {
        ObjectNode message = Examples.valid(MessageType.SECTION_47_DETERMINATION);
        body(message).put("outcome", outcome);
        body(message).put("nextStep", nextStep);
        boolean convenes = outcome.equals("substantiated-convene-conference");

        List<Violation> violations = violations(message);

        if (convenes == nextStep.equals("convene-conference")) {
            assertThat(violations).isEmpty();
        } else {
            assertThat(violations).extracting(Violation::pointer).containsExactly("/body/nextStep");
            assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
        }
    }

    @Test
    @DisplayName("issue 10 defect 2: an enquiry that ends without a conference is a message the schema accepts")
    void should_accept_a_determination_of_no_further_action_without_strategy_meeting_invitees_or_report() {
        ObjectNode message = Examples.valid(MessageType.SECTION_47_DETERMINATION);
        ObjectNode body = body(message);
        body.put("outcome", "not-substantiated");
        body.put("nextStep", "no-further-action");
        body.remove(List.of("strategyMeetingId", "dutyToReportId", "invitees"));

        assertThat(violations(message)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"SECTION_47_DETERMINATION", "CONFERENCE_CANCELLATION"})
    void should_require_the_fields_of_a_decision(MessageType type) {
        ObjectNode message = Examples.valid(type);
        List<String> required = new ArrayList<>();
        Examples.tree("schemas/body/" + type.wireName() + ".schema.json").get("required")
                .forEach(r -> required.add(r.asText()));
        body(message).removeAll();

        assertThat(violations(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactlyInAnyOrderElementsOf(required.stream().map(r -> tuple("/body/" + r, "required")).toList());
        assertThat(required).contains("children");
    }

    @Test
    void should_reject_a_determination_for_more_than_twenty_children_or_an_unknown_next_step() {
        ObjectNode message = Examples.valid(MessageType.SECTION_47_DETERMINATION);
        JsonNode child = body(message).get("children").get(0);
        for (int i = 0; i < 20; i++) {
            body(message).withArray("children").add(child.deepCopy());
        }
        body(message).put("nextStep", "strategy-meeting");

        assertThat(violations(message)).extracting(Violation::pointer, Violation::rule)
                .contains(tuple("/body/children", "maxItems"), tuple("/body/nextStep", "enum"));
    }

    @Test
    @DisplayName("issue 10 defect 2: a conference that is no longer needed is cancelled with stillNeeded false")
    void should_accept_a_cancellation_of_a_conference_no_longer_needed() {
        ObjectNode message = Examples.valid(MessageType.CONFERENCE_CANCELLATION);
        body(message).put("kind", "initial");
        body(message).put("stillNeeded", false);
        body(message).put("reason", "The family moved to England on 12 June 2025; the case has been transferred.");

        assertThat(violations(message)).isEmpty();
    }

    @Test
    void should_reject_a_cancellation_whose_still_needed_is_not_a_boolean() {
        ObjectNode message = Examples.valid(MessageType.CONFERENCE_CANCELLATION);
        body(message).put("stillNeeded", "yes");

        assertThat(violations(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/stillNeeded", "type"));
    }

    @Test
    @DisplayName("issue 10 defect 6: a plan update records the date the core group met")
    void should_accept_the_date_a_core_group_met_and_refuse_anything_that_is_not_a_date() {
        ObjectNode message = Examples.valid(MessageType.PLAN_UPDATE);
        body(message).put("coreGroupMetOn", "2025-07-03");
        assertThat(violations(message)).isEmpty();

        body(message).put("coreGroupMetOn", "3 July 2025");
        assertThat(violations(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/coreGroupMetOn", "format"));
    }

    @Test
    @DisplayName("issue 10 defect 4 / recommendation 1.2: an outline plan can carry eligible needs and a contingency plan")
    void should_accept_an_outline_plan_that_takes_the_children_off_the_register_with_needs_and_a_contingency_plan() {
        ObjectNode message = Examples.valid(MessageType.OUTLINE_PLAN);
        ObjectNode body = body(message);
        body.put("registered", false);
        body.remove("categoriesOfHarm");
        body.putArray("coreGroup");
        body.put("eligibleNeeds", "A breakfast club place and a family support worker weekly until March 2026.");
        body.put("contingencyPlan", "If Alys is left alone again, the school or police tell children's services the same day.");

        assertThat(violations(message)).isEmpty();
    }

    @Test
    void should_refuse_a_blank_contingency_plan_on_an_outline_plan_or_a_child_decision() {
        ObjectNode message = example("outline-plan-siblings.json");
        body(message).put("contingencyPlan", "   ");
        ((ObjectNode) body(message).get("children").get(1)).put("contingencyPlan", " ");

        assertThat(violations(message)).extracting(Violation::pointer, Violation::rule).containsExactly(
                tuple("/body/children/1/contingencyPlan", "pattern"), tuple("/body/contingencyPlan", "pattern"));
    }

    @Test
    @DisplayName("issue 10 defect 1: a sibling group's outline plan gives each child their own decision")
    void should_accept_a_child_not_registered_without_categories_and_refuse_a_decision_without_its_child() {
        ObjectNode message = example("outline-plan-siblings.json");
        assertThat(violations(message)).isEmpty();
        assertThat(body(message).at("/children/1/registered").asBoolean()).isFalse();
        assertThat(body(message).at("/children/1").has("categoriesOfHarm")).isFalse();

        ((ObjectNode) body(message).get("children").get(1)).remove("child");

        assertThat(violations(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children/1/child", "required"));
    }

    @Test
    void should_refuse_an_unknown_category_of_harm_in_a_child_decision() {
        ObjectNode message = example("outline-plan-siblings.json");
        ((ObjectNode) body(message).get("children").get(0)).putArray("categoriesOfHarm").add("bullying");

        assertThat(violations(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children/0/categoriesOfHarm/0", "enum"));
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"STRATEGY_MEETING_INVITATION", "SECTION_47_DETERMINATION",
            "CONFERENCE_INVITATION", "CONFERENCE_CANCELLATION", "REGISTER_CHANGE", "PLAN_UPDATE", "INFORMATION_SHARE",
            "HEALTH_ALERT", "SCHOOL_ALERT", "SCHOOL_TRANSFER"})
    @DisplayName("issue 10 defect 1: every child a message names can carry the council's own childReference")
    void should_accept_a_child_reference_on_every_child_and_refuse_one_longer_than_64(MessageType type) {
        ObjectNode message = Examples.valid(type);
        ObjectNode child = (ObjectNode) (body(message).has("children") ? body(message).get("children").get(0)
                : body(message).get("child"));
        String at = body(message).has("children") ? "/body/children/0" : "/body/child";

        child.put("childReference", "CCS-CHILD-004512-1");
        assertThat(violations(message)).isEmpty();

        child.put("childReference", "C".repeat(65));
        assertThat(violations(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple(at + "/childReference", "maxLength"));
    }

    @Test
    @DisplayName("issue 10 defect 1: a sibling group is named child by child, each with their own GP practice and school")
    void should_accept_a_conference_about_brothers_and_sisters_with_different_gp_practices_and_schools() {
        ObjectNode message = example("conference-invitation-siblings.json");
        JsonNode children = body(message).get("children");

        assertThat(violations(message)).isEmpty();
        assertThat(children).hasSize(2);
        assertThat(children.get(0).at("/gpPractice/odsCode")).isNotEqualTo(children.get(1).at("/gpPractice/odsCode"));
        assertThat(children.get(0).get("childReference")).isNotEqualTo(children.get(1).get("childReference"));
    }

    @Test
    @DisplayName("issue 10 defect 9 / recommendation 1.8: the contract says the GP is asked for a report whatever 'requested' says")
    void should_say_that_the_gp_practice_is_always_asked_for_a_written_report() {
        JsonNode requested = Examples.tree("schemas/body/conference-invitation.schema.json")
                .at("/$defs/writtenReport/properties/requested/description");

        assertThat(requested.asText()).contains("GP practice is always asked", "1.8");
    }
}

package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static wales.safeguarding.hub.childprotection.RulesFixture.ALYS;
import static wales.safeguarding.hub.childprotection.RulesFixture.ALYS_IN_SIBLINGS;
import static wales.safeguarding.hub.childprotection.RulesFixture.CASE;
import static wales.safeguarding.hub.childprotection.RulesFixture.CONFERENCE;
import static wales.safeguarding.hub.childprotection.RulesFixture.COUNCIL;
import static wales.safeguarding.hub.childprotection.RulesFixture.FHIR_GP;
import static wales.safeguarding.hub.childprotection.RulesFixture.GP;
import static wales.safeguarding.hub.childprotection.RulesFixture.OWAIN;
import static wales.safeguarding.hub.childprotection.RulesFixture.POLICE;
import static wales.safeguarding.hub.childprotection.RulesFixture.SCHOOL;
import static wales.safeguarding.hub.childprotection.RulesFixture.SECOND_SCHOOL;
import static wales.safeguarding.hub.childprotection.RulesFixture.caseWith;
import static wales.safeguarding.hub.childprotection.RulesFixture.child;
import static wales.safeguarding.hub.childprotection.RulesFixture.envelope;
import static wales.safeguarding.hub.childprotection.RulesFixture.example;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.RegisterChange;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/** The register decisions of an outline plan, child by child: recommendation 1.2, and the register changes it makes. */
class OutlinePlanRegisterDecisionsTest {

    private static final Instant AT = Instant.parse("2025-06-26T14:00:00Z");
    private static final String CAI = "CCS-CHILD-004512-3";

    private final ConferenceRecordRules rules = RulesFixture.conferenceRecordRules(RulesFixture.at(AT.toString()));
    private final FactsInMemory facts = new FactsInMemory().withInvitees(CASE, CONFERENCE, POLICE, GP, SCHOOL,
            FHIR_GP, SECOND_SCHOOL);

    /** The examples' case of one child, Alys, invited to the conference; on the register or not. */
    private FactsInMemory alysOnTheRegister(boolean registered) {
        return facts.withCase(caseWith(child(ALYS, GP, SCHOOL, registered)))
                .withInvitation(envelope(example("conference-invitation")));
    }

    /** The outline plan of the examples with the conference's decision that the child is not (or no longer) registered. */
    private static ObjectNode notRegistering() {
        ObjectNode plan = example("outline-plan");
        plan.with("body").put("registered", false).remove("categoriesOfHarm");
        return plan;
    }

    private static ObjectNode withOnePointTwo(ObjectNode node) {
        return node.put("eligibleNeeds", "Support with routines at home from the family support service.")
                .put("contingencyPlan", "If she is left alone again, the school tells the social worker the same day.");
    }

    @Test
    @DisplayName("issue 10 defect 4: an outline plan taking a registered child off the register without eligible needs "
            + "or a contingency plan is refused")
    void removal_without_one_point_two_is_refused() {
        alysOnTheRegister(true);

        Routing routing = rules.route(envelope(notRegistering()), facts);

        assertThat(routing.violations()).extracting(Violation::pointer, Violation::rule).containsExactly(
                tuple("/body/eligibleNeeds", RegisterDecisions.REMOVAL_RULE),
                tuple("/body/contingencyPlan", RegisterDecisions.REMOVAL_RULE));
        assertThat(routing.recipients()).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 4: an outline plan taking a registered child off the register without a contingency "
            + "plan is refused")
    void removal_without_a_contingency_plan_is_refused() {
        alysOnTheRegister(true);
        ObjectNode plan = notRegistering();
        withOnePointTwo(plan.with("body")).remove("contingencyPlan");

        assertThat(rules.route(envelope(plan), facts).violations()).extracting(Violation::pointer)
                .containsExactly("/body/contingencyPlan");
    }

    @Test
    @DisplayName("domain.md (removal, 1.2): a conference deciding not to register a child who was never on the "
            + "register needs no eligible needs or contingency plan, and makes no register change")
    void not_registering_an_unregistered_child_changes_nothing() {
        alysOnTheRegister(false);
        Envelope plan = envelope(notRegistering());

        assertThat(rules.route(plan, facts).violations()).isEmpty();
        assertThat(rules.accepted(plan, AT, facts)).noneMatch(e -> e instanceof Effect.Derived
                || e instanceof Effect.SetRegistered);
    }

    @Test
    @DisplayName("issue 10 defect 4: a removal with 1.2 ends the plan and sends the register change (ended Flag) to the "
            + "child's GP practice, school and police force")
    void removal_with_one_point_two_sends_the_register_change() {
        alysOnTheRegister(true);
        ObjectNode json = notRegistering();
        withOnePointTwo(json.with("body"));
        Envelope plan = envelope(json);

        assertThat(rules.route(plan, facts).violations()).isEmpty();
        List<Effect> effects = rules.accepted(plan, AT, facts);

        assertThat(effects).contains(new Effect.SetRegistered(CASE, ALYS, false, LocalDate.parse("2025-06-24")),
                new Effect.StopClocks(RegisterRules.CORE_GROUP, CASE, ALYS, null),
                new Effect.StopClocks(ConferenceRules.REVIEW, CASE, ALYS, null));
        List<Effect.Derived> made = derived(effects);
        assertThat(made).hasSize(1);
        Envelope change = made.get(0).message();
        assertThat(change.type()).isEqualTo(MessageType.REGISTER_CHANGE);
        assertThat(change.sender()).isEqualTo(COUNCIL);
        assertThat(change.correlationId()).isEqualTo(plan.messageId());
        assertThat(change.caseReference()).isEqualTo(CASE);
        assertThat(change.childReference()).as("the council's own reference").isEqualTo(RulesFixture.SENDERS_REFERENCE);
        assertThat(change.recipients()).containsExactly(GP, SCHOOL, POLICE);
        RegisterChange body = CanonicalJson.bodyAs(change, RegisterChange.class);
        assertThat(body.change()).isEqualTo("removed");
        assertThat(body.effectiveOn()).isEqualTo(LocalDate.parse("2025-06-24"));
        assertThat(body.child().name()).isEqualTo("Alys Enghraifft");
        assertThat(body.child().nhsNumber()).as("a FHIR practice files the Flag by it").isEqualTo("9990000018");
        assertThat(body.eligibleNeeds()).startsWith("Support with routines");
        assertThat(body.contingencyPlan()).startsWith("If she is left alone");
        assertThat(body.categoriesOfHarm()).isNull();
    }

    @Test
    @DisplayName("issue 10 defect 4: a registering outline plan sends the register change (active Flag) to the GP "
            + "practice, school and police force")
    void registering_sends_the_register_change() {
        alysOnTheRegister(false);
        Envelope plan = envelope(example("outline-plan"));

        List<Effect> effects = rules.accepted(plan, AT, facts);

        assertThat(effects).contains(new Effect.SetRegistered(CASE, ALYS, true, LocalDate.parse("2025-06-24")));
        List<Effect.Derived> made = derived(effects);
        assertThat(made).hasSize(1);
        assertThat(made.get(0).message().recipients()).containsExactly(GP, SCHOOL, POLICE);
        RegisterChange body = CanonicalJson.bodyAs(made.get(0).message(), RegisterChange.class);
        assertThat(body.change()).isEqualTo("added");
        assertThat(body.effectiveOn()).isEqualTo(LocalDate.parse("2025-06-24"));
        assertThat(body.categoriesOfHarm()).containsExactly("neglect", "emotional-abuse");
        assertThat(made.get(0).message().createdAt().toInstant()).isEqualTo(AT);
    }

    @Test
    @DisplayName("issue 10 defect 4: a review conference keeping a registered child on the register changes nothing "
            + "on the register and sends no register change")
    void keeping_a_child_on_the_register_sends_nothing() {
        alysOnTheRegister(true);

        assertThat(derived(rules.accepted(envelope(example("outline-plan")), AT, facts))).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 4: the register change the hub makes for an outline plan is the same message when "
            + "asked twice (its id comes from the outline plan and the child)")
    void the_register_change_has_a_stable_id() {
        alysOnTheRegister(false);
        Envelope plan = envelope(example("outline-plan"));

        assertThat(derived(rules.accepted(plan, AT, facts)).get(0).message().messageId())
                .isEqualTo(derived(rules.accepted(plan, AT, facts)).get(0).message().messageId())
                .isNotEqualTo(plan.messageId());
    }

    @Test
    @DisplayName("issue 10 defect 4: a register change that could not be delivered (nothing known of the child) "
            + "refuses the outline plan rather than accept half")
    void a_child_nobody_named_refuses_the_outline_plan() {
        facts.withCase(caseWith(child(ALYS, GP, SCHOOL, false)));
        // no invitation to the conference went through the hub with the child's details

        Routing routing = rules.route(envelope(example("outline-plan")), facts);

        assertThat(routing.violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children", "register-change-names-the-child"));
    }

    @Test
    @DisplayName("issue 10 defect 4: a sibling's own decision needs eligible needs and a contingency plan when they "
            + "come off the register; the refusal names the child's entry")
    void a_siblings_removal_without_one_point_two_names_their_entry() {
        siblingsOnTheRegister();
        ObjectNode json = example("outline-plan-siblings");
        ObjectNode owain = (ObjectNode) json.with("body").withArray("children").get(1);
        owain.remove("eligibleNeeds");
        owain.remove("contingencyPlan");

        assertThat(rules.route(envelope(json), facts).violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children/1/eligibleNeeds", RegisterDecisions.REMOVAL_RULE),
                        tuple("/body/children/1/contingencyPlan", RegisterDecisions.REMOVAL_RULE));
    }

    @Test
    @DisplayName("issue 10 defect 4: a sibling's removal takes eligible needs and a contingency plan from the top level "
            + "when their own entry has none")
    void a_siblings_removal_may_take_one_point_two_from_the_top_level() {
        siblingsOnTheRegister();
        ObjectNode json = example("outline-plan-siblings");
        ObjectNode owain = (ObjectNode) json.with("body").withArray("children").get(1);
        owain.remove("eligibleNeeds");
        owain.remove("contingencyPlan");
        withOnePointTwo(json.with("body"));
        Envelope plan = envelope(json);

        assertThat(rules.route(plan, facts).violations()).isEmpty();
        RegisterChange body = CanonicalJson.bodyAs(derived(rules.accepted(plan, AT, facts)).get(0).message(),
                RegisterChange.class);
        assertThat(body.eligibleNeeds()).startsWith("Support with routines");
    }

    @Test
    @DisplayName("issue 10 defect 1: removing one sibling from the register ends only that child's clocks, and only "
            + "their GP practice, school and police force hear of it")
    void removing_one_sibling_ends_only_their_clocks() {
        siblingsOnTheRegister();
        Envelope plan = envelope(example("outline-plan-siblings"));

        assertThat(rules.route(plan, facts).violations()).isEmpty();
        List<Effect> effects = rules.accepted(plan, AT, facts);

        assertThat(effects).containsAll(RegisterRules.endPlan(CASE, OWAIN, LocalDate.parse("2025-06-24")));
        assertThat(effects).doesNotContain(new Effect.SetRegistered(CASE, ALYS_IN_SIBLINGS, false));
        assertThat(effects.stream().filter(e -> e instanceof Effect.StopClocks s
                && ALYS_IN_SIBLINGS.equals(s.subject()))).as("Alys's clocks run on").isEmpty();
        // Alys stays on the register: her next review is due.
        assertThat(effects).contains(new Effect.StartClock(ConferenceRules.REVIEW, CASE, ALYS_IN_SIBLINGS, COUNCIL,
                COUNCIL, MessageParts.noonOf(LocalDate.parse("2025-06-24"))));
        List<Effect.Derived> made = derived(effects);
        assertThat(made).hasSize(1);
        assertThat(made.get(0).message().recipients()).containsExactly(FHIR_GP, SECOND_SCHOOL, POLICE);
        assertThat(made.get(0).message().childReference()).isEqualTo(OWAIN);
        assertThat(CanonicalJson.bodyAs(made.get(0).message(), RegisterChange.class).change()).isEqualTo("removed");
    }

    @Test
    @DisplayName("issue 10 defect 4: with a list of children, the decisions are for the children listed; a sibling not "
            + "listed keeps their registration and clocks")
    void a_child_not_listed_is_untouched() {
        facts.withCase(caseWith(child(ALYS_IN_SIBLINGS, GP, SCHOOL, false), child(OWAIN, FHIR_GP, SECOND_SCHOOL, true),
                child(CAI, GP, SCHOOL, true)));
        Envelope plan = envelope(example("outline-plan-siblings"));

        List<Effect> effects = rules.accepted(plan, AT, facts);

        assertThat(effects).noneMatch(e -> e.toString().contains(CAI));
        assertThat(derived(effects)).extracting(d -> d.message().childReference())
                .containsExactlyInAnyOrder(ALYS_IN_SIBLINGS, OWAIN);
    }

    @Test
    @DisplayName("issue 10 defect 4: a sibling first named in the outline plan is remembered with their agencies and "
            + "placed on the register")
    void a_child_first_named_in_the_outline_plan_is_registered() {
        facts.withCase(caseWith(child(OWAIN, FHIR_GP, SECOND_SCHOOL, false)));
        Envelope plan = envelope(example("outline-plan-siblings"));

        List<Effect> effects = rules.accepted(plan, AT, facts);

        assertThat(effects).contains(new Effect.RememberChild(CASE, ALYS_IN_SIBLINGS, GP, SCHOOL, POLICE),
                new Effect.SetRegistered(CASE, ALYS_IN_SIBLINGS, true, LocalDate.parse("2025-06-24")),
                new Effect.StartClock(RegisterRules.FIRST_CORE_GROUP, CASE, ALYS_IN_SIBLINGS, COUNCIL, COUNCIL,
                        MessageParts.noonOf(LocalDate.parse("2025-06-24"))));
        assertThat(derived(effects)).extracting(d -> d.message().childReference()).containsExactly(ALYS_IN_SIBLINGS);
    }

    @Test
    @DisplayName("issue 10 defect 10 on the outline plan's path: a fault a recipient's system finds in the child of a "
            + "register change the hub makes is reported where that child is in the outline plan")
    void a_register_change_says_where_its_child_came_from() {
        siblingsOnTheRegister();
        Effect.Derived owain = derived(rules.accepted(envelope(example("outline-plan-siblings")), AT, facts)).get(0);
        alysOnTheRegister(false);
        Effect.Derived alys = derived(rules.accepted(envelope(example("outline-plan")), AT, facts)).get(0);

        assertThat(owain.source()).isEqualTo("/body/children/1/child");
        assertThat(owain.pointerInSource("/body/child/nhsNumber")).isEqualTo("/body/children/1/child/nhsNumber");
        assertThat(owain.pointerInSource("/body/eligibleNeeds")).isEqualTo("/body/children/1/child");
        assertThat(alys.source()).as("named by the invitation: give the child in children").isEqualTo("/body/children");
        assertThat(alys.pointerInSource("/body/child/nhsNumber")).isEqualTo("/body/children");
    }

    private void siblingsOnTheRegister() {
        facts.withCase(caseWith(child(ALYS_IN_SIBLINGS, GP, SCHOOL, true), child(OWAIN, FHIR_GP, SECOND_SCHOOL, true)));
    }

    private static List<Effect.Derived> derived(List<Effect> effects) {
        return effects.stream().filter(Effect.Derived.class::isInstance).map(Effect.Derived.class::cast).toList();
    }
}

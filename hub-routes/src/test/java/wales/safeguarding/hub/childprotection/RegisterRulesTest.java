package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static wales.safeguarding.hub.childprotection.RulesFixture.ALYS_IN_SIBLINGS;
import static wales.safeguarding.hub.childprotection.RulesFixture.CASE;
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
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.validation.Violation;

/** The register and the core group's rhythm, child by child. */
class RegisterRulesTest {

    private static final Instant AT = Instant.parse("2025-07-04T10:00:00Z");
    /** Noon of Thursday 3 July 2025, Welsh summer time: the day the examples' core group met. */
    private static final Instant MET = Instant.parse("2025-07-03T11:00:00Z");

    private final RegisterRules rules = RulesFixture.registerRules(RulesFixture.at(AT.toString()));
    private final FactsInMemory facts = new FactsInMemory().withCoreGroup(CASE, COUNCIL, SCHOOL, GP);

    private void siblingsOnTheRegister() {
        facts.withCase(caseWith(child(ALYS_IN_SIBLINGS, GP, SCHOOL, true), child(OWAIN, FHIR_GP, SECOND_SCHOOL, true)));
    }

    @Test
    @DisplayName("domain.md: first core group within 10 working days, then every 6 weeks from the date the core group "
            + "met")
    void a_core_group_record_meets_the_clock_and_starts_the_next_from_the_day_it_met() {
        siblingsOnTheRegister();
        facts.withRunningClock(CASE, RegisterRules.FIRST_CORE_GROUP, ALYS_IN_SIBLINGS, COUNCIL, AT.plusSeconds(86400));
        Envelope update = envelope(example("plan-update-core-group"));

        assertThat(rules.route(update, facts).violations()).isEmpty();
        List<Effect> effects = rules.accepted(update, AT, facts);

        assertThat(clockEffects(effects)).containsExactly(
                new Effect.StopClocks(RegisterRules.FIRST_CORE_GROUP, CASE, ALYS_IN_SIBLINGS, null),
                new Effect.StopClocks(RegisterRules.CORE_GROUP, CASE, ALYS_IN_SIBLINGS, null),
                new Effect.StartClock(RegisterRules.CORE_GROUP, CASE, ALYS_IN_SIBLINGS, COUNCIL, COUNCIL, MET));
    }

    @Test
    @DisplayName("issue 10 defect 6: the next core group is due six weeks from the date the core group met, not from "
            + "when the plan update was sent")
    void the_next_core_group_runs_from_the_day_the_core_group_met() {
        siblingsOnTheRegister();
        facts.withRunningClock(CASE, RegisterRules.CORE_GROUP, ALYS_IN_SIBLINGS, COUNCIL, AT.plusSeconds(86400));
        ObjectNode json = example("plan-update-core-group");
        json.with("body").put("coreGroupMetOn", "2025-06-20");
        // sent two weeks after the meeting
        List<Effect> effects = rules.accepted(envelope(json), AT, facts);

        assertThat(effects).contains(new Effect.StartClock(RegisterRules.CORE_GROUP, CASE, ALYS_IN_SIBLINGS, COUNCIL,
                COUNCIL, MessageParts.noonOf(LocalDate.parse("2025-06-20"))));
    }

    @Test
    @DisplayName("issue 10 defect 6: a plan update that is not the record of a core group changes the plan and starts "
            + "or stops no clock")
    void a_plan_update_without_a_core_group_date_touches_no_clock() {
        siblingsOnTheRegister();
        facts.withRunningClock(CASE, RegisterRules.FIRST_CORE_GROUP, ALYS_IN_SIBLINGS, COUNCIL, AT.plusSeconds(86400));
        ObjectNode json = example("plan-update-core-group");
        json.with("body").remove(java.util.List.of("coreGroupMetOn", "attendance", "familyAttendance"));
        Envelope update = envelope(json);

        assertThat(rules.route(update, facts).recipients()).containsExactly(SCHOOL, GP);
        assertThat(clockEffects(rules.accepted(update, AT, facts))).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 6: a core group cannot have met on a day still to come")
    void a_core_group_date_in_the_future_is_refused() {
        siblingsOnTheRegister();
        ObjectNode json = example("plan-update-core-group");
        json.with("body").put("coreGroupMetOn", "2025-07-05");

        assertThat(rules.route(envelope(json), facts).violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/coreGroupMetOn", "core-group-met-not-in-future"));
    }

    @Test
    @DisplayName("issue 10 defect 6: a core group that met today is not in the future (Welsh day, summer time)")
    void a_core_group_that_met_today_is_accepted() {
        siblingsOnTheRegister();
        ObjectNode json = example("plan-update-core-group");
        json.with("body").put("coreGroupMetOn", "2025-07-05");
        // 23:30 UTC on 4 July is already 5 July in Wales
        RegisterRules lateEvening = RulesFixture.registerRules(RulesFixture.at("2025-07-04T23:30:00Z"));

        assertThat(lateEvening.route(envelope(json), facts).violations()).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 1: a core group record for one sibling meets only that child's core group clock")
    void a_core_group_record_is_per_child() {
        siblingsOnTheRegister();
        facts.withRunningClock(CASE, RegisterRules.CORE_GROUP, ALYS_IN_SIBLINGS, COUNCIL, AT.plusSeconds(86400))
                .withRunningClock(CASE, RegisterRules.CORE_GROUP, OWAIN, COUNCIL, AT.plusSeconds(86400));

        List<Effect> effects = rules.accepted(envelope(example("plan-update-core-group")), AT, facts);

        assertThat(clockEffects(effects)).isNotEmpty().allMatch(e -> e.toString().contains(ALYS_IN_SIBLINGS))
                .noneMatch(e -> e.toString().contains(OWAIN));
    }

    @Test
    @DisplayName("issue 10 defect 1: removing one sibling from the register ends only that child's clocks")
    void removing_one_sibling_by_register_change_ends_only_their_clocks() {
        siblingsOnTheRegister();
        ObjectNode json = example("register-change");
        ObjectNode body = json.with("body");
        body.put("change", "removed").remove("categoriesOfHarm");
        body.put("eligibleNeeds", "Speech and language support.").put("contingencyPlan", "A strategy discussion.");
        ObjectNode owain = body.with("child");
        owain.put("name", "Owain Enghraifft").put("dateOfBirth", "2019-09-03").put("nhsNumber", "9990000026")
                .put("childReference", OWAIN);
        owain.with("school").put("schoolNumber", "6699002");
        owain.with("gpPractice").put("odsCode", "Z99002");
        Envelope removal = envelope(json);

        assertThat(rules.route(removal, facts).recipients()).containsExactly(FHIR_GP, SECOND_SCHOOL, POLICE);
        List<Effect> effects = rules.accepted(removal, AT, facts);

        assertThat(effects).containsAll(RegisterRules.endPlan(CASE, OWAIN, java.time.LocalDate.parse("2025-06-24")));
        assertThat(effects).noneMatch(e -> e.toString().contains(ALYS_IN_SIBLINGS));
    }

    private static List<Effect> clockEffects(List<Effect> effects) {
        return effects.stream().filter(e -> e instanceof Effect.StartClock || e instanceof Effect.StopClocks).toList();
    }
}

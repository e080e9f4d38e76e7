package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.CASE;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.GP;
import static wales.safeguarding.hub.childprotection.DecisionsFixture.SCHOOL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.schemas.childprotection.HealthAssessment;

/** Recommendation 1.7: a health assessment set as an action at a conference is tracked against a health agency. */
class HealthAssessmentsTest {

    private static final String COUNCIL = "carmarthenshire-childrens-services";
    private static final Instant NOW = Instant.parse("2025-06-25T09:00:00Z");

    private static RegisterDecisions.Decision decision(String key, String pointer, HealthAssessment assessment) {
        return new RegisterDecisions.Decision(key, Optional.empty(), null, true, List.of("neglect"), null, null,
                pointer, pointer.startsWith("/body/children"), assessment, null);
    }

    private static HealthAssessment action(String owner, String dueBy) {
        return new HealthAssessment(HealthAssessment.ACTION_SET, null, owner, LocalDate.parse(dueBy));
    }

    @Test
    @DisplayName("1.7: an action owned by a health agency is a clock owed by it to the end of its due day (UK time)")
    void should_start_a_clock_owed_by_the_owner_to_the_end_of_the_due_day() {
        List<Effect> effects = HealthAssessments.clocks(new FactsInMemory(), CASE, COUNCIL,
                List.of(decision("alys", "/body/children/0", action(GP, "2025-07-15")),
                        decision("osian", "/body/children/1",
                                new HealthAssessment(HealthAssessment.DONE, LocalDate.parse("2025-06-01"), null, null))),
                NOW);

        assertThat(effects).containsExactly(new Effect.StartClockUntil("health-assessment", CASE, "alys", GP, COUNCIL,
                NOW, Instant.parse("2025-07-15T23:00:00Z")));
        assertThat(wales.safeguarding.hub.calendar.WorkingDayCalendar.endOf(LocalDate.parse("2025-12-15"))).as("GMT in winter")
                .isEqualTo(Instant.parse("2025-12-16T00:00:00Z"));
    }

    @Test
    @DisplayName("1.7: an outline plan sent again does not start a second clock")
    void should_not_start_a_second_clock_for_the_same_child_and_owner() {
        FactsInMemory facts = new FactsInMemory().withRunningClock(CASE, "health-assessment", "alys", GP,
                Instant.parse("2025-07-15T23:00:00Z"));

        assertThat(HealthAssessments.clocks(facts, CASE, COUNCIL,
                List.of(decision("alys", "/body", action(GP, "2025-07-15"))), NOW)).isEmpty();
    }

    @Test
    @DisplayName("1.7: an owner that is not a health agency in the directory is refused, naming the child's entry")
    void should_refuse_an_owner_that_is_not_a_health_agency() {
        var directory = DecisionsFixture.parties().directory();

        assertThat(HealthAssessments.violations(List.of(decision("alys", "/body/children/1", action(SCHOOL,
                "2025-07-15"))), directory)).singleElement().satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/body/children/1/healthAssessment/owner");
                    assertThat(v.rule()).isEqualTo("health-agency");
                });
        assertThat(HealthAssessments.violations(List.of(decision("alys", "/body", action("no-such-gp",
                "2025-07-15"))), directory)).extracting(v -> v.pointer())
                .containsExactly("/body/healthAssessment/owner");
        assertThat(HealthAssessments.violations(List.of(decision("alys", "/body", action(GP, "2025-07-15"))),
                directory)).isEmpty();
        assertThat(HealthAssessments.owners(List.of(decision("a", "/body", action(GP, "2025-07-15")),
                decision("b", "/body", action(GP, "2025-07-20"))))).containsExactly(GP);
    }
}

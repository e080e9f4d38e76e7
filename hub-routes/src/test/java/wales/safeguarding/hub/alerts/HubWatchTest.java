package wales.safeguarding.hub.alerts;

import wales.safeguarding.hub.conditions.AlertCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Issue 13, "more alerts": dead letters piling up, the oldest waiting copy, a pull inbox nobody collects, an
 * escalation that did not get through, the bank-holiday data running out.
 */
class HubWatchTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    private final HubWatch watch = new HubWatch(1, Duration.ofHours(1), Duration.ofHours(8), Duration.ofMinutes(30),
            Period.ofDays(60), Duration.ofHours(1));

    private static HubWatch.Facts facts(Map<String, Long> dead, Map<String, HubWatch.Oldest> waiting,
            Map<String, HubWatch.Oldest> uncollected, Map<String, HubWatch.Oldest> escalations, Set<String> paused,
            LocalDate dataEnds) {
        return new HubWatch.Facts(dead, waiting, uncollected, escalations, paused, dataEnds, null);
    }

    private static HubWatch.Facts nothing() {
        return facts(Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), LocalDate.parse("2027-12-31"));
    }

    private static boolean holds(List<AlertRules.Observation> all, String agency, AlertCondition condition) {
        return all.stream().filter(o -> o.agency().equals(agency) && o.condition() == condition)
                .map(AlertRules.Observation::holds).findFirst().orElseThrow();
    }

    private static boolean observed(List<AlertRules.Observation> all, String agency, AlertCondition condition) {
        return all.stream().anyMatch(o -> o.agency().equals(agency) && o.condition() == condition);
    }

    @Test
    void a_dead_letter_holds_until_it_is_replayed_and_an_open_alert_is_observed_to_resolve() {
        var seen = watch.observe(facts(Map.of("council", 1L), Map.of(), Map.of(), Map.of(), Set.of(),
                LocalDate.parse("2027-12-31")), Map.of(), NOW, TODAY);
        assertThat(holds(seen, "council", AlertCondition.DEAD_LETTERS)).isTrue();
        var later = watch.observe(nothing(), Map.of(AlertCondition.DEAD_LETTERS, Set.of("council")), NOW, TODAY);
        assertThat(holds(later, "council", AlertCondition.DEAD_LETTERS)).isFalse();
    }

    @Test
    void the_oldest_waiting_copy_holds_past_its_limit_unless_the_endpoint_is_paused() {
        var waiting = Map.of("school", new HubWatch.Oldest(NOW.minus(Duration.ofMinutes(61)), 3),
                "gp", new HubWatch.Oldest(NOW.minus(Duration.ofMinutes(59)), 1),
                "paused-school", new HubWatch.Oldest(NOW.minus(Duration.ofHours(5)), 9));
        var seen = watch.observe(facts(Map.of(), waiting, Map.of(), Map.of(), Set.of("paused-school"),
                LocalDate.parse("2027-12-31")), Map.of(), NOW, TODAY);
        assertThat(holds(seen, "school", AlertCondition.OLDEST_WAITING)).isTrue();
        assertThat(holds(seen, "gp", AlertCondition.OLDEST_WAITING)).isFalse();
        assertThat(holds(seen, "paused-school", AlertCondition.OLDEST_WAITING)).isFalse();
        assertThat(seen.stream().filter(o -> o.agency().equals("school")).findFirst().orElseThrow().details())
                .containsEntry("waiting", 3L).containsEntry("oldestMinutes", 61L).containsEntry("limitMinutes", 60L);
    }

    @Test
    void an_uncollected_inbox_holds_after_a_working_day() {
        var seen = watch.observe(facts(Map.of(), Map.of(), Map.of("pull-agency",
                new HubWatch.Oldest(NOW.minus(Duration.ofHours(9)), 2)), Map.of(), Set.of(),
                LocalDate.parse("2027-12-31")), Map.of(), NOW, TODAY);
        assertThat(holds(seen, "pull-agency", AlertCondition.INBOX_UNCOLLECTED)).isTrue();
        var fresh = watch.observe(facts(Map.of(), Map.of(), Map.of("pull-agency",
                new HubWatch.Oldest(NOW.minus(Duration.ofHours(7)), 2)), Map.of(), Set.of(),
                LocalDate.parse("2027-12-31")), Map.of(), NOW, TODAY);
        assertThat(holds(fresh, "pull-agency", AlertCondition.INBOX_UNCOLLECTED)).isFalse();
    }

    @Test
    void an_escalation_notice_that_did_not_get_through_holds_for_its_recipient() {
        var seen = watch.observe(facts(Map.of(), Map.of(), Map.of(), Map.of("board", new HubWatch.Oldest(
                NOW.minus(Duration.ofHours(2)), 1)), Set.of(), LocalDate.parse("2027-12-31")), Map.of(), NOW, TODAY);
        assertThat(holds(seen, "board", AlertCondition.ESCALATION_FAILING)).isTrue();
        assertThat(watch.escalationCutoff(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
    }

    @Test
    void the_bank_holiday_data_ending_within_the_warning_period_holds_for_the_hub() {
        assertThat(holds(watch.observe(nothing(), Map.of(), NOW, TODAY), HubWatch.HUB,
                AlertCondition.BANK_HOLIDAYS_ENDING)).isFalse();
        var ending = facts(Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), LocalDate.parse("2027-02-05"));
        assertThat(holds(watch.observe(ending, Map.of(), NOW, TODAY), HubWatch.HUB,
                AlertCondition.BANK_HOLIDAYS_ENDING)).isTrue();
        var justOutside = facts(Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), LocalDate.parse("2027-02-06"));
        assertThat(holds(watch.observe(justOutside, Map.of(), NOW, TODAY), HubWatch.HUB,
                AlertCondition.BANK_HOLIDAYS_ENDING)).isFalse();
    }

    @Test
    void nothing_seen_and_nothing_open_observes_only_the_bank_holidays() {
        var seen = watch.observe(nothing(), Map.of(), NOW, TODAY);
        assertThat(seen).hasSize(2);
        assertThat(observed(seen, HubWatch.HUB, AlertCondition.BANK_HOLIDAYS_ENDING)).isTrue();
        assertThat(holds(seen, HubWatch.HUB, AlertCondition.ESCALATIONS_STALLED)).isFalse();
    }

    @Test
    void clocks_overdue_for_an_escalation_that_does_not_happen_hold_for_the_hub() {
        var stalled = new HubWatch.Facts(Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), LocalDate.parse("2027-12-31"),
                new HubWatch.Oldest(NOW.minus(Duration.ofHours(3)), 12));
        assertThat(holds(watch.observe(stalled, Map.of(), NOW, TODAY), HubWatch.HUB, AlertCondition.ESCALATIONS_STALLED))
                .isTrue();
        assertThat(watch.stallCutoff(NOW)).isEqualTo(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void refuses_settings_that_would_alert_on_everything() {
        assertThatThrownBy(() -> new HubWatch(0, Duration.ofHours(1), Duration.ofHours(8), Duration.ofMinutes(30),
                Period.ofDays(60), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HubWatch(1, Duration.ZERO, Duration.ofHours(8), Duration.ofMinutes(30),
                Period.ofDays(60), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }
}

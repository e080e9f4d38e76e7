package wales.safeguarding.hub.alerts;

import wales.safeguarding.hub.conditions.AlertCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RefusalBurstTest {

    private final RefusalBurst burst = new RefusalBurst(20, 5);

    private static AlertRules.Transition transition(List<AlertRules.Observation> observations, String agency, boolean open) {
        AlertRules.Observation o = observations.stream().filter(x -> x.agency().equals(agency)).findFirst().orElseThrow();
        assertThat(o.condition()).isEqualTo(AlertCondition.REFUSAL_BURST);
        return AlertRules.transition(o.holds(), open);
    }

    @Test
    void should_raise_when_one_agency_reaches_the_threshold_within_the_window() {
        var observations = burst.observe(Map.of("south-wales-police", 20L, "unknown", 19L), Set.of());
        assertThat(transition(observations, "south-wales-police", false)).isEqualTo(AlertRules.Transition.RAISE);
        assertThat(transition(observations, "unknown", false)).isEqualTo(AlertRules.Transition.NONE);
    }

    @Test
    void should_not_raise_again_while_the_burst_goes_on() {
        var observations = burst.observe(Map.of("south-wales-police", 400L), Set.of("south-wales-police"));
        assertThat(transition(observations, "south-wales-police", true)).isEqualTo(AlertRules.Transition.NONE);
    }

    @Test
    void should_resolve_once_the_window_is_quiet_even_with_no_refusal_left_in_it() {
        var observations = burst.observe(Map.of(), Set.of("unknown"));
        assertThat(transition(observations, "unknown", true)).isEqualTo(AlertRules.Transition.RESOLVE);
        assertThat(observations.get(0).details()).containsEntry("refusals", 0L).containsEntry("threshold", 20L)
                .containsEntry("windowMinutes", 5);
    }

    @Test
    void should_refuse_a_threshold_or_window_below_one() {
        assertThatThrownBy(() -> new RefusalBurst(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefusalBurst(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

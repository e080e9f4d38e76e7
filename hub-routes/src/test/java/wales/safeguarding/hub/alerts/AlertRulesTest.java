package wales.safeguarding.hub.alerts;

import wales.safeguarding.hub.conditions.AlertCondition;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.alerts.AlertRules.Observation;
import wales.safeguarding.hub.alerts.AlertRules.Transition;
import wales.safeguarding.hub.endpoints.EndpointStatus;

/** The alert state machine: one alert when a condition starts, one resolution when it ends, nothing in between. */
class AlertRulesTest {

    private static final Instant T = Instant.parse("2026-11-26T09:00:00Z");
    private final AlertRules rules = new AlertRules(3, 100);

    @Test
    void should_raise_once_when_the_condition_starts_and_stay_quiet_while_it_holds() {
        assertThat(AlertRules.transition(true, false)).isEqualTo(Transition.RAISE);
        assertThat(AlertRules.transition(true, true)).isEqualTo(Transition.NONE);
    }

    @Test
    void should_resolve_once_when_the_condition_ends_and_stay_quiet_while_all_is_well() {
        assertThat(AlertRules.transition(false, true)).isEqualTo(Transition.RESOLVE);
        assertThat(AlertRules.transition(false, false)).isEqualTo(Transition.NONE);
    }

    @Test
    void should_play_a_whole_outage_as_one_raise_and_one_resolve() {
        boolean open = false;
        int raised = 0;
        int resolved = 0;
        for (int failures : new int[] {0, 1, 2, 3, 4, 5, 9, 14, 0, 0, 1}) {
            Observation failing = observe(endpoint(failures, 0, false), false).get(0);
            switch (AlertRules.transition(failing.holds(), open)) {
                case RAISE -> {
                    raised++;
                    open = true;
                }
                case RESOLVE -> {
                    resolved++;
                    open = false;
                }
                case NONE -> {
                }
            }
        }
        assertThat(raised).isEqualTo(1);
        assertThat(resolved).isEqualTo(1);
    }

    @Test
    void should_hold_the_failing_condition_from_the_threshold_on() {
        assertThat(observe(endpoint(2, 0, false), false).get(0).holds()).isFalse();
        Observation third = observe(endpoint(3, 0, false), false).get(0);
        assertThat(third.condition()).isEqualTo(AlertCondition.ENDPOINT_FAILING);
        assertThat(third.holds()).isTrue();
        assertThat(third.details()).containsEntry("consecutiveFailures", 3).containsEntry("threshold", 3)
                .containsEntry("lastFailureReason", "agency system answered HTTP 503")
                .containsEntry("lastFailureAt", T.toString());
    }

    @Test
    void should_hold_the_backlog_condition_past_the_depth_threshold_unless_the_endpoint_is_paused() {
        assertThat(observe(endpoint(0, 100, false), false).get(1).holds()).isFalse();
        Observation backlog = observe(endpoint(0, 101, false), false).get(1);
        assertThat(backlog.condition()).isEqualTo(AlertCondition.QUEUE_BACKLOG);
        assertThat(backlog.holds()).isTrue();
        assertThat(backlog.details()).containsEntry("queueDepth", 101L).containsEntry("threshold", 100L);
        assertThat(observe(endpoint(0, 5000, true), false).get(1).holds()).isFalse();
    }

    @Test
    void should_keep_the_backlog_state_when_the_broker_cannot_tell_the_depth() {
        assertThat(observe(endpoint(0, -1, false), true).get(1).holds()).isTrue();
        assertThat(observe(endpoint(0, -1, false), false).get(1).holds()).isFalse();
    }

    private List<Observation> observe(EndpointStatus endpoint, boolean backlogOpen) {
        return rules.observe(endpoint, backlogOpen);
    }

    private static EndpointStatus endpoint(int failures, long depth, boolean paused) {
        return new EndpointStatus("gp-z99001", "Test Surgery", null, "gp-practice", "rest-json", null,
                failures == 0 ? null : T, failures == 0 ? null : "agency system answered HTTP 503", failures,
                failures > 0, paused, depth);
    }
}

package wales.safeguarding.hub.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

/** How the persisted paused state is re-applied to a delivery route at a start and at every check. */
class PauseDecisionTest {

    @Test
    void should_stop_a_paused_endpoints_route_that_is_running_after_a_restart() {
        assertThat(PauseDecision.of(true, ServiceStatus.Started)).isEqualTo(PauseDecision.STOP);
        assertThat(PauseDecision.of(true, ServiceStatus.Suspended)).isEqualTo(PauseDecision.STOP);
    }

    @Test
    void should_leave_a_paused_endpoints_route_that_never_started_or_stopped() {
        assertThat(PauseDecision.of(true, ServiceStatus.Initialized)).isEqualTo(PauseDecision.LEAVE);
        assertThat(PauseDecision.of(true, ServiceStatus.Stopped)).isEqualTo(PauseDecision.LEAVE);
    }

    @Test
    void should_start_the_route_of_an_endpoint_resumed_elsewhere_or_paused_when_the_hub_started() {
        assertThat(PauseDecision.of(false, ServiceStatus.Stopped)).isEqualTo(PauseDecision.START);
        assertThat(PauseDecision.of(false, ServiceStatus.Initialized)).isEqualTo(PauseDecision.START);
        assertThat(PauseDecision.of(false, ServiceStatus.Suspended)).isEqualTo(PauseDecision.START);
    }

    @Test
    void should_leave_a_running_route_or_one_in_the_middle_of_starting_or_stopping() {
        assertThat(PauseDecision.of(false, ServiceStatus.Started)).isEqualTo(PauseDecision.LEAVE);
        assertThat(PauseDecision.of(false, ServiceStatus.Starting)).isEqualTo(PauseDecision.LEAVE);
        assertThat(PauseDecision.of(true, ServiceStatus.Stopping)).isEqualTo(PauseDecision.LEAVE);
        assertThat(PauseDecision.of(true, null)).isEqualTo(PauseDecision.LEAVE);
    }
}

package wales.safeguarding.hub.endpoints;

import org.apache.camel.ServiceStatus;

/** What to do with an agency's delivery route so that it matches the paused state persisted for the agency. */
public enum PauseDecision {
    STOP, START, LEAVE;

    /**
     * A paused endpoint's route must not consume; an endpoint that is not paused must. A route in the middle of
     * starting or stopping is left alone until the next check.
     */
    public static PauseDecision of(boolean paused, ServiceStatus route) {
        if (route == null) {
            return LEAVE;
        }
        if (paused) {
            return route.isStarted() || route == ServiceStatus.Suspended ? STOP : LEAVE;
        }
        // a route that never started (paused when the hub started) is only initialized
        return route.isStopped() || route == ServiceStatus.Initialized || route == ServiceStatus.Suspended ? START : LEAVE;
    }
}

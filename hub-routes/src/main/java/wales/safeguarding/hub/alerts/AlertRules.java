package wales.safeguarding.hub.alerts;

import wales.safeguarding.hub.conditions.AlertCondition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import wales.safeguarding.hub.endpoints.EndpointStatus;

/**
 * The state machine of operational alerts, per (agency, condition): an alert is raised when its condition starts to
 * hold and none is open, and resolved when the condition no longer holds and one is open. Anything else does
 * nothing, so an endpoint that keeps failing across many checks raises one alert, and its recovery resolves it once.
 */
public final class AlertRules {

    /** What the check does about one (agency, condition). */
    public enum Transition {
        RAISE, RESOLVE, NONE
    }

    /** A condition as observed for one endpoint at one check, with the facts an alert carries (never a body). */
    public record Observation(String agency, AlertCondition condition, boolean holds, Map<String, Object> details) {
    }

    private final int failuresThreshold;
    private final long depthThreshold;

    public AlertRules(int failuresThreshold, long depthThreshold) {
        this.failuresThreshold = failuresThreshold;
        this.depthThreshold = depthThreshold;
    }

    public static Transition transition(boolean holds, boolean open) {
        if (holds && !open) {
            return Transition.RAISE;
        }
        if (!holds && open) {
            return Transition.RESOLVE;
        }
        return Transition.NONE;
    }

    /**
     * The conditions of one endpoint. A paused endpoint's queue is expected to fill, so it raises no backlog alert;
     * a depth the broker could not tell ({@code -1}) changes nothing.
     */
    public List<Observation> observe(EndpointStatus endpoint, boolean backlogOpen) {
        Map<String, Object> failing = new LinkedHashMap<>();
        failing.put("consecutiveFailures", endpoint.consecutiveFailures());
        failing.put("threshold", failuresThreshold);
        failing.put("lastSuccessAt", endpoint.lastSuccessAt() == null ? null : endpoint.lastSuccessAt().toString());
        failing.put("lastFailureAt", endpoint.lastFailureAt() == null ? null : endpoint.lastFailureAt().toString());
        failing.put("lastFailureReason", endpoint.lastFailureReason());
        Map<String, Object> backlog = new LinkedHashMap<>();
        backlog.put("queueDepth", endpoint.queueDepth());
        backlog.put("threshold", depthThreshold);
        backlog.put("paused", endpoint.paused());
        boolean backedUp = endpoint.queueDepth() < 0 ? backlogOpen : !endpoint.paused() && endpoint.queueDepth() > depthThreshold;
        return List.of(
                new Observation(endpoint.agency(), AlertCondition.ENDPOINT_FAILING,
                        endpoint.consecutiveFailures() >= failuresThreshold, failing),
                new Observation(endpoint.agency(), AlertCondition.QUEUE_BACKLOG, backedUp, backlog));
    }
}

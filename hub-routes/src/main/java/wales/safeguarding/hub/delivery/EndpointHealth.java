package wales.safeguarding.hub.delivery;

import java.time.Instant;

/**
 * What the hub knows of one agency endpoint from its deliveries: the last success, the last failure (time and a
 * reason fit for a log line, never a body), the failures since the last success, and whether an operator paused it.
 */
public record EndpointHealth(String agency, Instant lastSuccessAt, Instant lastFailureAt, String lastFailureReason,
        int consecutiveFailures, boolean paused) {

    /** An endpoint with no attempt recorded yet. */
    public static EndpointHealth none(String agency) {
        return new EndpointHealth(agency, null, null, null, 0, false);
    }
}

package wales.safeguarding.hub.endpoints;

import java.time.Instant;

/**
 * One agency endpoint as the console shows it. {@code retrying}: a delivery to it failed and waits for the broker's
 * redelivery. {@code queueDepth}: messages on its broker queue ({@code -1} when the broker cannot be asked).
 */
public record EndpointStatus(String agency, String name, String kind, String transport, Instant lastSuccessAt,
        Instant lastFailureAt, String lastFailureReason, int consecutiveFailures, boolean retrying, boolean paused,
        long queueDepth) {
}

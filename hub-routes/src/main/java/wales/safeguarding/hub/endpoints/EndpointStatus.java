package wales.safeguarding.hub.endpoints;

import java.time.Instant;

/**
 * One agency endpoint as the console shows it. {@code retrying}: a delivery to it failed and waits for the broker's
 * redelivery. {@code queueDepth}: messages on its broker queue ({@code -1} when the broker cannot be asked).
 * {@code name} is the agency's English name (else its first), {@code nameCy} its Welsh name when the directory has one.
 */
public record EndpointStatus(String agency, String name, String nameCy, String kind, String transport, Instant lastSuccessAt,
        Instant lastFailureAt, String lastFailureReason, int consecutiveFailures, boolean retrying, boolean paused,
        long queueDepth) {
}

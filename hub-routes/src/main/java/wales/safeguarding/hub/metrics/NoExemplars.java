package wales.safeguarding.hub.metrics;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.prometheus.client.exemplars.ExemplarSampler;

/**
 * No exemplars on the Prometheus series. With OpenTelemetry on, Quarkus would attach the current span's trace id to
 * counter and histogram samples, and the hub's trace id is the message id ({@code tracing/MessageTraces}): every
 * scrape would hand Prometheus the id of the last message each series saw. A metric says how many, never which one;
 * the trace is found from the message id in the console or the log instead.
 */
public class NoExemplars {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Optional<ExemplarSampler> none() {
        return Optional.empty();
    }
}

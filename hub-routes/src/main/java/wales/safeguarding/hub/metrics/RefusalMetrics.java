package wales.safeguarding.hub.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Refusals of agency API requests (the {@code RefusalRecorder}'s, the same ones it counts in PostgreSQL per agency),
 * by status, problem type and the caller's agency kind: which agency is left to the console and the log line.
 */
@ApplicationScoped
public class RefusalMetrics {

    private final MeterRegistry registry;
    private final AgencyKinds kinds;

    public RefusalMetrics(MeterRegistry registry, AgencyKinds kinds) {
        this.registry = registry;
        this.kinds = kinds;
    }

    /** A request of {@code agency} (or {@code unknown}) refused with {@code status} and problem type {@code reason}. */
    public void refused(int status, String reason, String agency) {
        Counter.builder(HubMetrics.REFUSALS).description("agency API requests refused")
                .tag(HubMetrics.STATUS, Integer.toString(status)).tag(HubMetrics.REASON, HubMetrics.word(reason))
                .tag(HubMetrics.AGENCY_KIND, kinds.of(agency)).register(registry).increment();
    }
}

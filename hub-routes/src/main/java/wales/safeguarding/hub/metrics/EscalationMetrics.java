package wales.safeguarding.hub.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import wales.safeguarding.hub.clocks.EscalationStep;

/**
 * Escalation notices fired, by step, and escalations that failed (the {@code Escalator} tries them again after
 * {@code hub.escalation.retry-after}). Every step's series exists from the start at 0, so a rule over its rate has
 * something to read before the first clock runs out.
 */
@ApplicationScoped
@Startup
public class EscalationMetrics {

    private final MeterRegistry registry;
    private final Counter failures;

    public EscalationMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (EscalationStep step : EscalationStep.values()) {
            steps(step.wireName());
        }
        this.failures = Counter.builder(HubMetrics.ESCALATION_FAILURES)
                .description("escalations of a report that could not be made or written").register(registry);
    }

    /** A notice of {@code step} written (after its transaction committed). */
    public void fired(String step) {
        steps(HubMetrics.word(step)).increment();
    }

    /** The escalation of one report's clocks failed; it is tried again later. */
    public void failed() {
        failures.increment();
    }

    private Counter steps(String step) {
        return Counter.builder(HubMetrics.ESCALATION_STEPS).description("escalation notices fired")
                .tag(HubMetrics.STEP, step).register(registry);
    }
}

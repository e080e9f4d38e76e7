package wales.safeguarding.hub.metrics;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts messages in and copies out, by message type and agency kind, and times each copy from its message's
 * acceptance to its delivery. Called after the transaction that recorded the event committed, so a rolled-back step
 * counts nothing. The meters are kept per label pair: a delivery costs a map look-up, not a registration.
 */
@ApplicationScoped
public class MessageMetrics {

    /** The sender of a message the hub made itself (an escalation, a message derived from an agency's). */
    public static final String FROM_HUB = HubMetrics.HUB;

    private final MeterRegistry registry;
    private final AgencyKinds kinds;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

    public MessageMetrics(MeterRegistry registry, AgencyKinds kinds) {
        this.registry = registry;
        this.kinds = kinds;
    }

    /** A message stored from {@code sender} (an agency's id, or {@value HubMetrics#HUB}). */
    public void accepted(String type, String sender) {
        count(HubMetrics.MESSAGES_ACCEPTED, type, kinds.of(sender));
    }

    /**
     * A copy that became delivered to {@code recipient}, {@code sinceAccepted} after the hub accepted its message; once
     * per copy, however many times it was sent.
     */
    public void delivered(String type, String recipient, Duration sinceAccepted) {
        String kind = kinds.of(recipient);
        count(HubMetrics.COPIES_DELIVERED, type, kind);
        if (sinceAccepted != null) {
            latency(type, kind).record(sinceAccepted.isNegative() ? Duration.ZERO : sinceAccepted);
        }
    }

    /** An attempt to deliver a copy to {@code recipient} that failed and will be tried again. */
    public void failed(String type, String recipient) {
        count(HubMetrics.COPIES_FAILED, type, kinds.of(recipient));
    }

    /** A copy for {@code recipient} given up on. */
    public void deadLettered(String type, String recipient) {
        count(HubMetrics.COPIES_DEAD_LETTERED, type, kinds.of(recipient));
    }

    private void count(String name, String type, String kind) {
        String t = HubMetrics.word(type);
        counters.computeIfAbsent(name + '|' + t + '|' + kind, k -> Counter.builder(name)
                .tag(HubMetrics.TYPE, t).tag(HubMetrics.AGENCY_KIND, kind).register(registry)).increment();
    }

    private Timer latency(String type, String kind) {
        String t = HubMetrics.word(type);
        return timers.computeIfAbsent(t + '|' + kind, k -> Timer.builder(HubMetrics.DELIVERY_LATENCY)
                .description("from the message's acceptance to the copy's delivery")
                .tag(HubMetrics.TYPE, t).tag(HubMetrics.AGENCY_KIND, kind)
                .serviceLevelObjectives(buckets()).register(registry));
    }

    private static Duration[] buckets() {
        Duration[] slo = new Duration[HubMetrics.LATENCY_BUCKETS.length];
        for (int i = 0; i < slo.length; i++) {
            slo[i] = Duration.ofMillis((long) (HubMetrics.LATENCY_BUCKETS[i] * 1000));
        }
        return slo;
    }
}

package wales.safeguarding.hub.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import wales.safeguarding.hub.directory.Agency;

/**
 * How hard the hub pushes each agency's system: how many deliveries may run at once to one endpoint, and the retry
 * schedule after a transient failure. Each is looked up for the agency ({@code hub.delivery.concurrency.<agency id>}),
 * then its kind ({@code hub.delivery.concurrency.school}), then the default ({@code hub.delivery.concurrency.default});
 * the same for {@code hub.delivery.retry.*} (the waits), {@code hub.delivery.give-up-after.*} and
 * {@code hub.delivery.max-attempts.*}. Read at run time, so a key added to the environment needs a restart only.
 */
@ApplicationScoped
public class DeliveryPolicy {

    private final Config config;
    private final Map<String, RetrySchedule> schedules = new ConcurrentHashMap<>();

    public DeliveryPolicy(Config config) {
        this.config = config;
        // fail at start, not at the first failure, when the default schedule is malformed
        schedule(null, "default");
    }

    /** The most deliveries to this agency's system at once, across every hub instance. */
    public int concurrency(Agency agency) {
        int n = lookup("hub.delivery.concurrency", agency.id(), agency.kind().wireName(), Integer.class, 1);
        return Math.max(1, n);
    }

    public RetrySchedule retrySchedule(Agency agency) {
        return agency == null ? schedule(null, "default") : schedule(agency.id(), agency.kind().wireName());
    }

    private RetrySchedule schedule(String agencyId, String kind) {
        return schedules.computeIfAbsent(agencyId == null ? "kind:" + kind : agencyId, k -> RetrySchedule.parse(
                "hub.delivery.retry." + (agencyId == null ? kind : agencyId),
                lookup("hub.delivery.retry", agencyId, kind, String.class, null),
                lookup("hub.delivery.give-up-after", agencyId, kind, String.class, null),
                lookup("hub.delivery.max-attempts", agencyId, kind, Integer.class, 0)));
    }

    private <T> T lookup(String prefix, String agencyId, String kind, Class<T> type, T fallback) {
        if (agencyId != null) {
            var own = config.getOptionalValue(prefix + "." + agencyId, type);
            if (own.isPresent()) {
                return own.get();
            }
        }
        var ofKind = config.getOptionalValue(prefix + "." + kind, type);
        if (ofKind.isPresent()) {
            return ofKind.get();
        }
        var byDefault = config.getOptionalValue(prefix + ".default", type);
        if (byDefault.isPresent() || fallback != null) {
            return byDefault.orElse(fallback);
        }
        throw new IllegalStateException(prefix + ".default is not set");
    }
}

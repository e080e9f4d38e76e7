package wales.safeguarding.hub.intake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.problems.ProblemException;

/**
 * Each agency's rate on {@code POST /api/v1/messages} (issue 11 finding 6): {@code hub.intake.rate-limit.per-agency}
 * messages a minute with bursts of {@code hub.intake.rate-limit.burst}, one {@link TokenBucket} per agency in this hub
 * instance (with N instances behind a load balancer an agency may send up to N times the setting). Over the rate: a
 * 429 problem with {@code Retry-After}.
 */
@ApplicationScoped
public class IntakeRateLimits {

    private final long perMinute;
    private final long burst;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public IntakeRateLimits(@ConfigProperty(name = "hub.intake.rate-limit.per-agency") long perMinute,
            @ConfigProperty(name = "hub.intake.rate-limit.burst") long burst) {
        this(perMinute, burst, System::nanoTime);
    }

    IntakeRateLimits(long perMinute, long burst, LongSupplier nanoTime) {
        // a bad setting fails at start, not at an agency's first message
        new TokenBucket(perMinute, burst, 0);
        this.perMinute = perMinute;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Lets the agency's message in, or refuses it with a 429 problem saying when to try again. */
    public void admit(String agencyId) {
        long now = nanoTime.getAsLong();
        long wait = buckets.computeIfAbsent(agencyId, a -> new TokenBucket(perMinute, burst, now)).tryTake(now);
        if (wait > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L));
            throw ProblemException.rateLimited(perMinute, burst, seconds);
        }
    }
}

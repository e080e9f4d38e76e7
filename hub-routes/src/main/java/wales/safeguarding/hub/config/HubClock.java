package wales.safeguarding.hub.config;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The hub's one source of time: every clock, due date and audit time comes from this {@link Clock}, so tests can
 * move time instead of waiting. {@code hub.clock.offset} shifts it for rehearsals and fault tests (for example
 * {@code P10D} to see escalations fire); it needs {@code hub.clock.offset-allowed=true}, which production never sets.
 */
@ApplicationScoped
public class HubClock {

    private static final Logger LOG = Logger.getLogger(HubClock.class);

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "hub.clock.offset", defaultValue = "PT0S") Duration offset,
            @ConfigProperty(name = "hub.clock.offset-allowed", defaultValue = "false") boolean offsetAllowed) {
        if (offset.isZero()) {
            return Clock.systemUTC();
        }
        if (!offsetAllowed) {
            throw new IllegalStateException("hub.clock.offset is for rehearsals and tests: it needs "
                    + "hub.clock.offset-allowed=true, which production never sets");
        }
        LOG.warnf("THE HUB'S CLOCK IS SHIFTED BY %s (hub.clock.offset): every due date and escalation follows it", offset);
        return Clock.offset(Clock.systemUTC(), offset);
    }
}

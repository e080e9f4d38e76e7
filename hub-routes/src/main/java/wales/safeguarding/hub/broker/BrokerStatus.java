package wales.safeguarding.hub.broker;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Whether the hub can reach the broker now, as its delivery connection last saw it. Intake does not wait for an
 * unreachable broker: the message is already in PostgreSQL, and the outbox sweeper queues it once the broker is back.
 */
@ApplicationScoped
public class BrokerStatus {

    private static final Logger LOG = Logger.getLogger(BrokerStatus.class);

    private final Clock clock;
    private volatile boolean reachable = true;
    private volatile Instant since;

    public BrokerStatus(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    public boolean reachable() {
        return reachable;
    }

    public Instant since() {
        return since;
    }

    public synchronized void reachable(String why) {
        if (!reachable) {
            reachable = true;
            since = clock.instant();
            LOG.infof("broker reachable again (%s): queued copies and the outbox flow again", why);
        }
    }

    public synchronized void unreachable(String why) {
        if (reachable) {
            reachable = false;
            since = clock.instant();
            LOG.warnf("broker unreachable (%s): messages are still accepted and stored, and queued once it is back", why);
        }
    }
}

package wales.safeguarding.hub.endpoints;

import wales.safeguarding.hub.delivery.EndpointHealthStore;
import java.sql.SQLException;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import wales.safeguarding.hub.delivery.DeliveryDispatcher;

/**
 * An operator pauses deliveries to an agency (its system is in maintenance, it asked us to hold): the hub stops taking
 * the agency's copies from its durable queue, so they wait there; nothing is sent, failed or dead-lettered. Resuming
 * delivers them again. The state is persisted: this instance applies it at once (a delivery in progress finishes
 * first), every other instance at its next delivery scan ({@code hub.delivery.scan-interval-ms}), and a restarted
 * instance before it delivers anything.
 */
@ApplicationScoped
public class EndpointPauses {

    private static final Logger LOG = Logger.getLogger(EndpointPauses.class);

    private final DeliveryDispatcher dispatcher;
    private final EndpointHealthStore store;
    private final Clock clock;

    public EndpointPauses(DeliveryDispatcher dispatcher, EndpointHealthStore store, Clock clock) {
        this.dispatcher = dispatcher;
        this.store = store;
        this.clock = clock;
    }

    /** Pauses ({@code paused}) or resumes deliveries to the agency: persisted and audited, then applied here. */
    public void set(String agency, boolean paused, String actor, String reason) throws SQLException {
        store.setPaused(agency, paused, actor, reason, clock.instant());
        dispatcher.pause(agency, paused);
        LOG.infof("operator %s %s deliveries to %s", actor, paused ? "paused" : "resumed", agency);
    }

    /** True while this instance delivers to the agency (it is not paused). */
    public boolean delivering(String agency) {
        return dispatcher.delivering(agency);
    }
}

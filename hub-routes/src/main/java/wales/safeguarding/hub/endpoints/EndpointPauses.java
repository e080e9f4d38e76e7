package wales.safeguarding.hub.endpoints;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.RouteController;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;

/**
 * An operator pauses deliveries to an agency (its system is in maintenance, it asked us to hold): the agency's
 * delivery route stops consuming, so its copies wait on its durable queue; nothing is sent, failed or dead-lettered.
 * Resuming starts the route again. The state is persisted: the delivery route does not start when the hub starts
 * with the endpoint paused, and every check ({@link #reapply()}) brings each instance's routes in line with it.
 */
@ApplicationScoped
public class EndpointPauses {

    private static final Logger LOG = Logger.getLogger(EndpointPauses.class);

    private final CamelContext camel;
    private final EndpointHealthStore store;
    private final Directory directory;
    private final Clock clock;
    private final long stopTimeoutSeconds;

    public EndpointPauses(CamelContext camel, EndpointHealthStore store, Directory directory, Clock clock,
            @ConfigProperty(name = "hub.endpoints.stop-timeout-seconds", defaultValue = "30") long stopTimeoutSeconds) {
        this.camel = camel;
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.stopTimeoutSeconds = stopTimeoutSeconds;
    }

    /** The route id of the agency's delivery route ({@code DeliveryRoute}). */
    public static String routeId(String agency) {
        return "delivery-" + agency;
    }

    /** Pauses ({@code paused}) or resumes deliveries to the agency: persisted and audited, then applied here. */
    public void set(String agency, boolean paused, String actor, String reason) throws SQLException {
        store.setPaused(agency, paused, actor, reason, clock.instant());
        apply(agency, paused);
        LOG.infof("operator %s %s deliveries to %s", actor, paused ? "paused" : "resumed", agency);
    }

    /** Brings every delivery route in line with the persisted paused state (a pause made on another instance too). */
    public void reapply() throws SQLException {
        Set<String> paused = store.paused();
        for (Agency agency : directory.receivers()) {
            apply(agency.id(), paused.contains(agency.id()));
        }
    }

    private void apply(String agency, boolean paused) {
        RouteController routes = camel.getRouteController();
        String routeId = routeId(agency);
        try {
            switch (PauseDecision.of(paused, routes.getRouteStatus(routeId))) {
                case STOP -> routes.stopRoute(routeId, stopTimeoutSeconds, TimeUnit.SECONDS);
                case START -> routes.startRoute(routeId);
                case LEAVE -> {
                    // already as it should be
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot " + (paused ? "stop" : "start") + " route " + routeId, e);
        }
    }
}

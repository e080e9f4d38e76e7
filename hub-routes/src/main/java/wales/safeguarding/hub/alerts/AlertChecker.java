package wales.safeguarding.hub.alerts;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.endpoints.EndpointStatus;
import wales.safeguarding.hub.endpoints.Endpoints;

/**
 * Every {@code hub.alerts.check-interval-ms}: brings the delivery routes in line with the paused endpoints, looks at
 * every endpoint's health and queue depth, raises or resolves alerts by {@link AlertRules}, and sends the notices not
 * sent yet. Safe on several hub instances at once.
 */
@ApplicationScoped
@Named("alertChecker")
public class AlertChecker {

    private static final Logger LOG = Logger.getLogger(AlertChecker.class);

    private final Endpoints endpoints;
    private final Transactions transactions;
    private final OperationalAlerts alerts;
    private final AlertNotifier notifier;
    private final AlertRules rules;
    private final Clock clock;

    public AlertChecker(Endpoints endpoints, Transactions transactions,
            OperationalAlerts alerts, AlertNotifier notifier, Clock clock,
            @ConfigProperty(name = "hub.alerts.endpoint-failures-threshold") int failuresThreshold,
            @ConfigProperty(name = "hub.alerts.queue-depth-threshold") long depthThreshold) {
        this.endpoints = endpoints;
        this.transactions = transactions;
        this.alerts = alerts;
        this.notifier = notifier;
        this.clock = clock;
        this.rules = new AlertRules(failuresThreshold, depthThreshold);
    }

    public void check() throws SQLException {
        List<EndpointStatus> all = endpoints.all();
        Instant now = clock.instant();
        transactions.inTransaction(c -> {
            Set<String> open = alerts.openKeys(c);
            for (EndpointStatus endpoint : all) {
                boolean backlogOpen = open.contains(OperationalAlerts.key(endpoint.agency(), AlertCondition.QUEUE_BACKLOG));
                for (AlertRules.Observation o : rules.observe(endpoint, backlogOpen)) {
                    switch (AlertRules.transition(o.holds(), open.contains(OperationalAlerts.key(o.agency(), o.condition())))) {
                        case RAISE -> {
                            if (alerts.raise(c, o.agency(), o.condition(), o.details(), now)) {
                                LOG.warnf("alert raised: %s for %s", o.condition().wireName(), o.agency());
                            }
                        }
                        case RESOLVE -> {
                            if (alerts.resolve(c, o.agency(), o.condition(), now)) {
                                LOG.infof("alert resolved: %s for %s", o.condition().wireName(), o.agency());
                            }
                        }
                        case NONE -> {
                            // as it was
                        }
                    }
                }
            }
            return null;
        });
        notifier.sendPending();
    }
}

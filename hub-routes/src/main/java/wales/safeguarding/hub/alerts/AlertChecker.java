package wales.safeguarding.hub.alerts;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.endpoints.EndpointStatus;
import wales.safeguarding.hub.endpoints.Endpoints;
import wales.safeguarding.hub.refusals.RefusalRepository;

/**
 * Every {@code hub.alerts.check-interval-ms}: brings the delivery routes in line with the paused endpoints, looks at
 * every endpoint's health and queue depth and at each agency's refusals ({@link RefusalBurst}), raises or resolves
 * alerts by {@link AlertRules}, and sends the notices not sent yet. Safe on several hub instances at once.
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
    private final RefusalRepository refusals;
    private final RefusalBurst refusalBurst;
    private final Clock clock;

    public AlertChecker(Endpoints endpoints, Transactions transactions,
            OperationalAlerts alerts, AlertNotifier notifier, Clock clock, RefusalRepository refusals,
            @ConfigProperty(name = "hub.alerts.endpoint-failures-threshold") int failuresThreshold,
            @ConfigProperty(name = "hub.alerts.queue-depth-threshold") long depthThreshold,
            @ConfigProperty(name = "hub.refusals.burst.threshold") long burstThreshold,
            @ConfigProperty(name = "hub.refusals.burst.window-minutes") int burstWindowMinutes) {
        this.endpoints = endpoints;
        this.transactions = transactions;
        this.alerts = alerts;
        this.notifier = notifier;
        this.clock = clock;
        this.rules = new AlertRules(failuresThreshold, depthThreshold);
        this.refusals = refusals;
        this.refusalBurst = new RefusalBurst(burstThreshold, burstWindowMinutes);
    }

    public void check() throws SQLException {
        List<EndpointStatus> all = endpoints.all();
        Instant now = clock.instant();
        transactions.inTransaction(c -> {
            Set<String> open = alerts.openKeys(c);
            List<AlertRules.Observation> observations = new ArrayList<>();
            for (EndpointStatus endpoint : all) {
                boolean backlogOpen = open.contains(OperationalAlerts.key(endpoint.agency(), AlertCondition.QUEUE_BACKLOG));
                observations.addAll(rules.observe(endpoint, backlogOpen));
            }
            Set<String> burstOpen = open.stream().filter(k -> k.endsWith("|" + AlertCondition.REFUSAL_BURST.wireName()))
                    .map(k -> k.substring(0, k.lastIndexOf('|'))).collect(Collectors.toSet());
            observations.addAll(refusalBurst.observe(
                    refusals.perAgency(c, now.minus(Duration.ofMinutes(refusalBurst.windowMinutes() - 1L))), burstOpen));
            for (AlertRules.Observation o : observations) {
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
            return null;
        });
        notifier.sendPending();
    }
}

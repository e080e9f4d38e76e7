package wales.safeguarding.hub.alerts;

import wales.safeguarding.hub.conditions.AlertCondition;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.calendar.StatutoryClocks;
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
    private static final ZoneId WALES = ZoneId.of("Europe/London");

    private final Endpoints endpoints;
    private final Transactions transactions;
    private final OperationalAlerts alerts;
    private final AlertNotifier notifier;
    private final AlertRules rules;
    private final RefusalRepository refusals;
    private final RefusalBurst refusalBurst;
    private final Clock clock;
    private final HubWatch watch;
    private final WatchRepository watchFacts;
    private final StatutoryClocks calendar;

    public AlertChecker(Endpoints endpoints, Transactions transactions,
            OperationalAlerts alerts, AlertNotifier notifier, Clock clock, RefusalRepository refusals,
            WatchRepository watchFacts, StatutoryClocks calendar,
            @ConfigProperty(name = "hub.alerts.endpoint-failures-threshold") int failuresThreshold,
            @ConfigProperty(name = "hub.alerts.queue-depth-threshold") long depthThreshold,
            @ConfigProperty(name = "hub.refusals.burst.threshold") long burstThreshold,
            @ConfigProperty(name = "hub.refusals.burst.window-minutes") int burstWindowMinutes,
            @ConfigProperty(name = "hub.alerts.watch.enabled") boolean watchEnabled,
            @ConfigProperty(name = "hub.alerts.dead-letters-threshold") long deadLettersThreshold,
            @ConfigProperty(name = "hub.alerts.oldest-waiting") Duration oldestWaiting,
            @ConfigProperty(name = "hub.alerts.inbox-uncollected") Duration inboxUncollected,
            @ConfigProperty(name = "hub.alerts.escalation-undelivered") Duration escalationUndelivered,
            @ConfigProperty(name = "hub.alerts.bank-holidays-warning") Period bankHolidaysWarning,
            @ConfigProperty(name = "hub.alerts.escalations-stalled") Duration escalationsStalled) {
        this.watch = watchEnabled ? new HubWatch(deadLettersThreshold, oldestWaiting, inboxUncollected,
                escalationUndelivered, bankHolidaysWarning, escalationsStalled) : null;
        this.watchFacts = watchFacts;
        this.calendar = calendar;
        this.endpoints = endpoints;
        this.transactions = transactions;
        this.alerts = alerts;
        this.notifier = notifier;
        this.clock = clock;
        this.rules = new AlertRules(failuresThreshold, depthThreshold);
        this.refusals = refusals;
        this.refusalBurst = new RefusalBurst(burstThreshold, burstWindowMinutes);
    }

    /** Open alerts' agencies per condition, from their keys ({@code agency|condition}). */
    private static Map<AlertCondition, Set<String>> openByCondition(Set<String> open) {
        Map<AlertCondition, Set<String>> byCondition = new EnumMap<>(AlertCondition.class);
        for (String key : open) {
            int bar = key.lastIndexOf('|');
            try {
                byCondition.computeIfAbsent(AlertCondition.fromWireName(key.substring(bar + 1)), k -> new HashSet<>())
                        .add(key.substring(0, bar));
            } catch (IllegalArgumentException e) {
                // a condition this version does not know (raised by a newer instance during an upgrade): left alone
            }
        }
        return byCondition;
    }

    /** The hub's own conditions ({@link HubWatch}) over the facts read now. */
    private List<AlertRules.Observation> watched(java.sql.Connection c, List<EndpointStatus> endpoints,
            Set<String> open, Instant now) throws SQLException {
        Set<String> paused = endpoints.stream().filter(EndpointStatus::paused).map(EndpointStatus::agency)
                .collect(Collectors.toSet());
        HubWatch.Facts facts = new HubWatch.Facts(watchFacts.deadLetters(c), watchFacts.waiting(c),
                watchFacts.uncollected(c), watchFacts.failingEscalations(c, watch.escalationCutoff(now)), paused,
                calendar.bankHolidaysEnd(), watchFacts.stalledEscalations(c, watch.stallCutoff(now)));
        return watch.observe(facts, openByCondition(open), now, LocalDate.ofInstant(now, WALES));
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
            if (watch != null) {
                observations.addAll(watched(c, all, open, now));
            }
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

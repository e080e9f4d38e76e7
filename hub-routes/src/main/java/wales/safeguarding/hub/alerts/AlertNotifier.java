package wales.safeguarding.hub.alerts;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import wales.safeguarding.hub.database.Transactions;

/**
 * Sends what each enabled channel has not been told yet: that an alert was raised, then that it was resolved. An
 * alert is locked while its notices go out ({@code skip locked}), so two hub instances never both send it; a send
 * that fails is recorded as not sent and tried again at the next check.
 */
@ApplicationScoped
public class AlertNotifier {

    private static final Logger LOG = Logger.getLogger(AlertNotifier.class);

    private final Transactions transactions;
    private final OperationalAlerts alerts;
    private final List<AlertChannel> channels;
    private final Clock clock;

    public AlertNotifier(Transactions transactions, OperationalAlerts alerts, Instance<AlertChannel> channels,
            Clock clock) {
        this.transactions = transactions;
        this.alerts = alerts;
        this.channels = channels.stream().filter(AlertChannel::enabled).toList();
        this.clock = clock;
        LOG.infof("operational alert channels: %s", this.channels.isEmpty() ? "none (alerts show in the console only)"
                : this.channels.stream().map(AlertChannel::name).toList());
    }

    public void sendPending() {
        List<String> names = channels.stream().map(AlertChannel::name).toList();
        List<Long> pending = transactions.inTransaction(c -> alerts.withUnsentNotices(c, names));
        for (long id : pending) {
            transactions.inTransaction(c -> {
                alerts.lockForNotice(c, id, names).ifPresent(n -> {
                    for (AlertChannel channel : channels) {
                        send(c, n, channel);
                    }
                });
                return null;
            });
        }
    }

    private void send(java.sql.Connection c, OperationalAlerts.Notifiable n, AlertChannel channel) {
        OperationalAlert alert = n.alert();
        try {
            if (n.raisedSent().get(channel.name()) == null) {
                channel.send(new AlertNotice(AlertNotice.RAISED, alert));
                alerts.markSent(c, alert.id(), channel.name(), false, clock.instant());
            }
            if (alert.resolvedAt() != null && n.resolvedSent().get(channel.name()) == null) {
                channel.send(new AlertNotice(AlertNotice.RESOLVED, alert));
                alerts.markSent(c, alert.id(), channel.name(), true, clock.instant());
            }
        } catch (Exception e) {
            LOG.warnf("could not send alert %d (%s, %s) by %s; it is tried again at the next check: %s", alert.id(),
                    alert.condition(), alert.agency(), channel.name(), e.getMessage());
        }
    }
}

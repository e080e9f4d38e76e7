package wales.safeguarding.hub.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.broker.BrokerStatus;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.tracking.DeliveryRecord;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.hub.tracking.TrackingRepository;

/**
 * Queues the copies that were stored but never reached the broker (it was down, or the hub stopped between the
 * commit and the send), and the held copies whose turn came but were not queued then ({@link HeldCopies}). Safe to run on several hub instances at once: rows are taken with {@code skip locked},
 * and the broker's duplicate detection drops a copy sent twice.
 */
@ApplicationScoped
@Named("outboxSweeper")
public class OutboxSweeper {

    private static final Logger LOG = Logger.getLogger(OutboxSweeper.class);
    private static final int BATCH = 200;

    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final DeliveryQueues queues;
    private final Clock clock;
    private final Duration grace;
    private final BrokerStatus broker;
    private final DeliveryDispatcher dispatcher;
    private final HeldCopies held;

    public OutboxSweeper(Transactions transactions, TrackingRepository tracking, DeliveryQueues queues, Clock clock,
            @ConfigProperty(name = "hub.delivery.outbox-grace") Duration grace, BrokerStatus broker,
            DeliveryDispatcher dispatcher, HeldCopies held) {
        this.held = held;
        this.broker = broker;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.tracking = tracking;
        this.queues = queues;
        this.clock = clock;
        this.grace = grace;
    }

    /** Returns how many copies it queued (stored but never queued, and held copies released). */
    public int sweep() {
        if (!broker.reachable()) {
            return 0; // nothing to do until the broker is back; the copies stay safe in the database
        }
        List<DeliveryRecord> swept = transactions.inTransaction(c -> {
            List<DeliveryRecord> waiting = tracking.lockUnqueued(c, clock.instant().minus(grace), BATCH);
            for (DeliveryRecord d : waiting) {
                var message = tracking.findMessage(c, d.messageId()).orElseThrow();
                queues.send(d.messageId(), d.recipient(), message.type(), message.payload(), d.replays());
                tracking.transition(c, d.messageId(), d.recipient(),
                        DeliveryState.QUEUED, "queued by the outbox sweeper", "hub",
                        clock.instant());
            }
            return waiting;
        });
        swept.forEach(d -> dispatcher.wake(d.recipient()));
        int queued = swept.size();
        if (queued > 0) {
            LOG.infof("outbox sweeper queued %d stored copies", queued);
        }
        return queued + held.releaseDue();
    }
}

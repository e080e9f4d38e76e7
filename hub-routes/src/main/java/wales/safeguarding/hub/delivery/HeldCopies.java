package wales.safeguarding.hub.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.broker.BrokerStatus;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.tracking.HeldCopiesRepository;
import wales.safeguarding.hub.tracking.HeldCopiesRepository.HeldCopy;
import wales.safeguarding.hub.tracking.TrackingRepository;

/**
 * Copies held back so that one case's copies reach an agency in the order the hub accepted them. A copy taken from
 * the queue while an earlier copy of its case to the same agency is still on its way is marked held in the database
 * ({@link DeliveryAttempts#begin}) and leaves the queue; when that earlier copy is delivered or given up,
 * {@link #releaseAfter} queues the next held copy at once. Nothing goes round the queue meanwhile: before, held copies
 * were re-sent with a delay, and the broker puts a delayed message at the head of the queue when it is due, so a case's
 * later copies kept cycling ahead of the earlier copies they waited for (after a broker fail-over, minutes per copy).
 *
 * <p>Nothing is lost: a held copy whose turn came but was not released (the hub stopped in between, the broker was
 * away, the earlier copy was done by another path such as a dead letter replayed) is queued by the outbox sweeper
 * ({@link #releaseDue}) once it has been held for {@code hub.delivery.outbox-grace}, or once a second sweep finds it
 * still waiting (a hub clock that stands still, in a rehearsal or a test, never lets the grace pass).
 */
@ApplicationScoped
public class HeldCopies {

    private static final Logger LOG = Logger.getLogger(HeldCopies.class);
    private static final int BATCH = 200;
    private static final Instant ANY_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final HeldCopiesRepository held;
    private final DeliveryQueues queues;
    private final BrokerStatus broker;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;
    private final Duration grace;
    /** Held copies whose turn had come at the last sweep, held for less than the grace then. */
    private volatile Set<String> youngAtLastSweep = Set.of();

    public HeldCopies(Transactions transactions, TrackingRepository tracking, HeldCopiesRepository held,
            DeliveryQueues queues, BrokerStatus broker, DeliveryDispatcher dispatcher, Clock clock,
            @ConfigProperty(name = "hub.delivery.outbox-grace") Duration grace) {
        this.transactions = transactions;
        this.tracking = tracking;
        this.held = held;
        this.queues = queues;
        this.broker = broker;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * The copy of {@code messageId} to {@code recipient} is done (delivered or given up): queues the next held copy
     * of its case to that recipient, if no earlier copy is still on its way. A failure here is logged and left to the
     * outbox sweeper; the copy stays held in the database.
     */
    public void releaseAfter(UUID messageId, String recipient) {
        if (!broker.reachable()) {
            return;
        }
        try {
            boolean released = transactions.inTransaction(c -> {
                Optional<HeldCopy> next = held.nextHeld(c, messageId, recipient);
                if (next.isEmpty() || held.earlierCopyPending(c, next.get().messageId(), recipient).isPresent()) {
                    return false;
                }
                queue(c, next.get());
                return true;
            });
            if (released) {
                dispatcher.wake(recipient);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not queue the next held copy for %s yet (%s); the outbox sweeper will", recipient,
                    e.getMessage());
        }
    }

    /**
     * Queues held copies whose turn has come and that were missed: held for longer than the outbox grace by the
     * hub's clock, or already seen waiting at the previous sweep (so a missed release waits one sweep even when the
     * hub's clock stands still: a rehearsal's or a test's fixed clock). Releasing one twice is harmless: the row is
     * locked and its duplicate-detection id names the hold. Returns how many.
     */
    public int releaseDue() {
        if (!broker.reachable()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(grace);
        Set<String> youngNow = new HashSet<>();
        List<HeldCopy> released = transactions.inTransaction(c -> {
            List<HeldCopy> due = new ArrayList<>();
            for (HeldCopy copy : held.releasable(c, ANY_TIME, BATCH)) {
                String key = copy.messageId() + "|" + copy.recipient() + "|" + copy.heldSince();
                if (copy.heldSince().isBefore(cutoff) || youngAtLastSweep.contains(key)) {
                    queue(c, copy);
                    due.add(copy);
                } else {
                    youngNow.add(key);
                }
            }
            return due;
        });
        youngAtLastSweep = youngNow;
        released.stream().map(HeldCopy::recipient).distinct().forEach(dispatcher::wake);
        if (!released.isEmpty()) {
            LOG.infof("outbox sweeper queued %d held copies whose turn had come", released.size());
        }
        return released.size();
    }

    /** Sends the held copy (the broker has it once this returns), then marks it no longer held. */
    private void queue(Connection c, HeldCopy copy) throws SQLException {
        var message = tracking.findMessage(c, copy.messageId()).orElseThrow();
        queues.sendReleased(copy.messageId(), copy.recipient(), message.type(), message.payload(), copy.replays(),
                copy.heldSince());
        held.release(c, copy.messageId(), copy.recipient());
        tracking.audit(c, copy.messageId(), copy.recipient(), "released", null, null,
                "the earlier copy of the case was done: queued again", "hub", clock.instant());
    }
}

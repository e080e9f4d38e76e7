package wales.safeguarding.hub.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonInclude;

import wales.safeguarding.hub.audit.ConsoleAuditRepository;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.delivery.DeliveryQueues;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.tracking.DeliveryRecord;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.schemas.spi.HubHeaders;

/**
 * An operator replays a dead letter after the cause is fixed. In one transaction the delivery goes back to
 * accepted, its attempts start again from zero, the replay is counted and audited with who and why; after the commit
 * the old copy is taken off the dead-letter queue and a new copy (its own duplicate-detection id) is queued. If the
 * hub stops in between, the outbox sweeper queues it.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    /** What a replay did. */
    public record Replayed(UUID messageId, String recipient, int replay, boolean earlierReplay, String state) {
    }

    /** A delivery to replay. */
    public record Target(UUID messageId, String recipient) {
    }

    /**
     * What replaying one of several deliveries did: {@code result} is {@code replayed} or why not (the problem's
     * kind: {@code not-found}, {@code not-dead-lettered}, {@code payload-removed}); {@code warning} says when the
     * delivery had been replayed before.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(UUID messageId, String recipient, String result, Integer replay, String state, String detail,
            String warning) {
    }

    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final DeliveryQueues queues;
    private final ConnectionFactory connectionFactory;
    private final String deadLetterQueue;
    private final Clock clock;
    private final ConsoleAuditRepository consoleAudit;

    public DeadLetterReplay(Transactions transactions, TrackingRepository tracking, DeliveryQueues queues,
            ConnectionFactory connectionFactory,
            @ConfigProperty(name = "hub.delivery.dead-letter-queue") String deadLetterQueue, Clock clock,
            ConsoleAuditRepository consoleAudit) {
        this.consoleAudit = consoleAudit;
        this.transactions = transactions;
        this.tracking = tracking;
        this.queues = queues;
        this.connectionFactory = connectionFactory;
        this.deadLetterQueue = deadLetterQueue;
        this.clock = clock;
    }

    public Replayed replay(UUID messageId, String recipient, String operator, String why) {
        Acceptance again = transactions.inTransaction(c -> {
            DeliveryRecord delivery = tracking.lockDelivery(c, messageId, recipient)
                    .orElseThrow(() -> ProblemException.notFound(messageId + " for " + recipient));
            if (delivery.state() != DeliveryState.DEAD_LETTERED) {
                throw new ProblemException(Problem.of("not-dead-lettered", "Only a dead letter can be replayed", 409,
                        "the delivery of " + messageId + " to " + recipient + " is " + delivery.state().wireName()));
            }
            StoredMessage message = tracking.findMessage(c, messageId).orElseThrow();
            if (!message.payloadKept()) {
                throw new ProblemException(Problem.of("payload-removed", "The message is no longer kept", 410,
                        "the retention policy removed the content of " + messageId + "; ask the sender to send it again"));
            }
            Instant now = clock.instant();
            int replay = tracking.startReplay(c, messageId, recipient);
            tracking.transition(c, messageId, recipient, DeliveryState.ACCEPTED, "replay " + replay, operator, now);
            tracking.audit(c, messageId, recipient, "replayed", null, null, "replay " + replay + ": " + why, operator, now);
            consoleAudit.record(c, operator, ConsoleAuditRepository.REPLAY, messageId, recipient, null, why,
                    "replay " + replay, now);
            return new Acceptance(messageId, message.type(), now, List.of(recipient), message.payload(), false, replay,
                    List.of());
        });
        int removed = removeFromDeadLetterQueue(messageId, recipient);
        queues.publish(again);
        LOG.infof("operator %s replayed %s for %s (replay %d, %d old copies taken off %s)", operator, messageId,
                recipient, again.replay(), removed, deadLetterQueue);
        String state = transactions.inTransaction(c -> tracking.lockDelivery(c, messageId, recipient).orElseThrow())
                .state().wireName();
        return new Replayed(messageId, recipient, again.replay(), again.replay() > 1, state);
    }

    /**
     * Replays each of {@code targets} for the same reason, one by one: one that cannot be replayed is reported with
     * why, and does not stop the others.
     */
    public List<Outcome> replayAll(List<Target> targets, String operator, String why) {
        List<Outcome> outcomes = new java.util.ArrayList<>();
        for (Target t : targets) {
            try {
                Replayed r = replay(t.messageId(), t.recipient(), operator, why);
                outcomes.add(new Outcome(r.messageId(), r.recipient(), "replayed", r.replay(), r.state(), null,
                        r.earlierReplay() ? "this delivery had already been replayed " + (r.replay() - 1)
                                + " time(s) before" : null));
            } catch (ProblemException e) {
                String kind = e.problem().type().substring(e.problem().type().lastIndexOf('/') + 1);
                outcomes.add(new Outcome(t.messageId(), t.recipient(), kind, null, null, e.problem().detail(), null));
            }
        }
        return outcomes;
    }

    /** Dead-lettered deliveries, newest first. */
    public List<DeliveryRecord> deadLetters(int limit) {
        return transactions.inTransaction(c -> tracking.deadLetters(c, limit));
    }

    private int removeFromDeadLetterQueue(UUID messageId, String recipient) {
        String selector = HubHeaders.MESSAGE_ID + " = '" + messageId + "' AND " + HubHeaders.RECIPIENT + " = '"
                + recipient.replace("'", "''") + "'";
        int removed = 0;
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSConsumer consumer = context.createConsumer(context.createQueue(deadLetterQueue), selector)) {
            while (consumer.receiveNoWait() != null) {
                removed++;
            }
        } catch (RuntimeException e) {
            // The tracking record is what counts; a stale copy left on the dead-letter queue is only clutter.
            LOG.warnf("could not take %s for %s off %s: %s", messageId, recipient, deadLetterQueue, e.getMessage());
        }
        return removed;
    }

}

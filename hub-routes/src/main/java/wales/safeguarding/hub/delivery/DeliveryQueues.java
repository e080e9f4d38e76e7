package wales.safeguarding.hub.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

import wales.safeguarding.hub.bodies.BodyCipher;
import wales.safeguarding.hub.bodies.BodyVault;
import wales.safeguarding.hub.bodies.SealedBody;
import wales.safeguarding.hub.broker.BrokerStatus;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.schemas.spi.HubHeaders;

/**
 * Puts each recipient's copy of a message on that recipient's durable queue ({@code hub.delivery.queue-prefix} +
 * agency id), then records it as queued. A send returns only once the broker has persisted the message. The
 * duplicate-detection id (message id + recipient + replay count) makes a second send of the same copy harmless.
 */
@ApplicationScoped
public class DeliveryQueues {

    private static final Logger LOG = Logger.getLogger(DeliveryQueues.class);

    /**
     * The property naming the key a copy on the broker is sealed under (its body: {@link SealedBody#toWire()});
     * absent on a copy queued before bodies were encrypted, which is read as it is.
     */
    public static final String BODY_KEY = "HubBodyKey";

    private final CachingConnectionFactory sessions;
    private final JmsTemplate jms;
    /** Transacted sessions: a message's copies (or a batch of messages') committed together. */
    private final JmsTemplate batches;
    private final String queuePrefix;
    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final Clock clock;
    private final RecipientCopies copies;
    private final BodyCipher cipher;

    private final BrokerStatus broker;
    private final DeliveryDispatcher dispatcher;

    public DeliveryQueues(ConnectionFactory connectionFactory,
            @ConfigProperty(name = "hub.delivery.queue-prefix") String queuePrefix, Transactions transactions,
            TrackingRepository tracking, Clock clock, RecipientCopies copies, BrokerStatus broker,
            DeliveryDispatcher dispatcher, BodyVault vault) {
        this.cipher = vault.cipher();
        this.broker = broker;
        this.dispatcher = dispatcher;
        this.sessions = new CachingConnectionFactory(connectionFactory);
        this.sessions.setSessionCacheSize(8);
        this.jms = new JmsTemplate(sessions);
        this.jms.setExplicitQosEnabled(true);
        this.jms.setDeliveryMode(DeliveryMode.PERSISTENT);
        this.batches = new JmsTemplate(sessions);
        this.batches.setSessionTransacted(true);
        this.queuePrefix = queuePrefix;
        this.transactions = transactions;
        this.tracking = tracking;
        this.clock = clock;
        this.copies = copies;
    }

    public String queueFor(String recipient) {
        return queuePrefix + recipient;
    }

    /**
     * Queues every recipient's copy. A broker failure is logged and left to the outbox sweeper: the message is
     * already stored, so nothing is lost. While the broker is known to be unreachable nothing is tried here: the
     * caller gets its answer at once, and the sweeper queues the copies when the broker is back.
     */
    public void publish(Acceptance acceptance) {
        publishAll(List.of(acceptance));
    }

    /**
     * Queues every recipient's copy of each acceptance (a message and those the hub made from it), then records the
     * copies that reached the broker as queued in one transaction, not one per copy. The copies go in one broker
     * transaction (one journal sync for them all, not one each); if that fails (a copy the outbox sweeper has queued
     * meanwhile makes Artemis roll the whole transaction back as a duplicate), they are sent one by one. A copy whose
     * send or record fails stays {@code accepted}: the outbox sweeper sends it again (the broker drops it as a
     * duplicate) and records it.
     */
    public void publishAll(List<Acceptance> acceptances) {
        if (!broker.reachable()) {
            return;
        }
        List<Copy> copies = new ArrayList<>();
        for (Acceptance acceptance : acceptances) {
            for (String recipient : acceptance.recipients()) {
                copies.add(new Copy(acceptance, recipient));
            }
        }
        List<Sent> sent = copies.size() > 1 ? sendTogether(copies) : null;
        if (sent == null) {
            sent = sendEach(copies);
        }
        if (sent.isEmpty()) {
            return;
        }
        List<Sent> queued = sent;
        try {
            transactions.inTransaction(c -> tracking.markQueued(c, queued.stream().map(copy -> new TrackingRepository.Queued(
                    copy.messageId(), copy.recipient(), "on queue " + queueFor(copy.recipient()))).toList(), "hub",
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.warnf("could not record %d queued copies yet (%s); the outbox sweeper will retry", sent.size(),
                    e.getMessage());
        }
        sent.stream().map(Sent::recipient).distinct().forEach(dispatcher::wake);
    }

    private record Copy(Acceptance acceptance, String recipient) {
    }

    /** All copies in one broker transaction; null when it failed as a whole (nothing of it is on a queue). */
    private List<Sent> sendTogether(List<Copy> copies) {
        try {
            return batches.execute(session -> {
                List<Sent> sent = new ArrayList<>(copies.size());
                try {
                    for (Copy copy : copies) {
                        Acceptance a = copy.acceptance();
                        try (MessageProducer producer = session.createProducer(session.createQueue(queueFor(copy.recipient())))) {
                            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                            producer.send(message(session, a.messageId(), copy.recipient(), a.type(), a.payload(), a.replay(),
                                    null));
                        }
                        sent.add(new Sent(a.messageId(), copy.recipient()));
                    }
                    session.commit();
                } catch (JMSException | RuntimeException e) {
                    session.rollback();
                    throw e;
                }
                return sent;
            }, true);
        } catch (RuntimeException e) {
            LOG.debugf("%d copies could not be queued in one transaction (%s); sending them one by one", copies.size(),
                    e.getMessage());
            return null;
        }
    }

    private List<Sent> sendEach(List<Copy> copies) {
        List<Sent> sent = new ArrayList<>(copies.size());
        for (Copy copy : copies) {
            Acceptance a = copy.acceptance();
            try {
                send(a.messageId(), copy.recipient(), a.type(), a.payload(), a.replay());
                sent.add(new Sent(a.messageId(), copy.recipient()));
            } catch (RuntimeException e) {
                LOG.warnf("could not queue %s for %s yet (%s); the outbox sweeper will retry", a.messageId(),
                        copy.recipient(), e.getMessage());
            }
        }
        return sent;
    }

    private record Sent(UUID messageId, String recipient) {
    }

    /**
     * Sends the recipient's copy of a stored message (trimmed to what it needs to know). {@code replay} &gt; 0 gives
     * an operator's replay its own duplicate-detection id. The copy is sealed for the broker (its journal and, if it
     * fails, the dead-letter queue hold it at rest): context {@link BodyCipher#copyContext}.
     */
    public void send(UUID messageId, String recipient, String type, byte[] payload, int replay) {
        jms.send(queueFor(recipient), session -> message(session, messageId, recipient, type, payload, replay, null));
    }

    /**
     * Sends a copy that was held back behind an earlier copy of its case, now that its turn has come. Its
     * duplicate-detection id names the hold ({@code :release-<held since, ms>}): the broker still remembers the
     * copy's first send, which it would otherwise drop, and drops a second send of the same release.
     */
    public void sendReleased(UUID messageId, String recipient, String type, byte[] payload, int replay,
            Instant heldSince) {
        jms.send(queueFor(recipient), session -> message(session, messageId, recipient, type, payload, replay,
                ":release-" + heldSince.toEpochMilli()));
    }

    /** The recipient's copy as the broker holds it: trimmed, sealed, and named by its duplicate-detection id. */
    private BytesMessage message(Session session, UUID messageId, String recipient, String type, byte[] payload,
            int replay, String release) throws JMSException {
        byte[] copy = copies.copyFor(type, recipient, payload);
        SealedBody sealed = cipher.seal(BodyCipher.copyContext(recipient, messageId), copy);
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(sealed.toWire());
        m.setStringProperty(BODY_KEY, sealed.keyId());
        m.setStringProperty(HubHeaders.MESSAGE_ID, messageId.toString());
        m.setStringProperty(HubHeaders.RECIPIENT, recipient);
        m.setStringProperty(HubHeaders.MESSAGE_TYPE, type);
        m.setStringProperty(HubHeaders.DUPLICATE_ID, messageId + ":" + recipient + (replay > 0 ? ":replay-" + replay : "")
                + (release == null ? "" : release));
        return m;
    }

    @PreDestroy
    void close() {
        sessions.destroy();
    }
}

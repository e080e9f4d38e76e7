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
import wales.safeguarding.hub.tracking.DeliveryState;
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
     * copies that reached the broker as queued in one transaction, not one per copy. A copy whose record fails stays
     * {@code accepted}: the outbox sweeper sends it again (the broker drops it as a duplicate) and records it.
     */
    public void publishAll(List<Acceptance> acceptances) {
        if (!broker.reachable()) {
            return;
        }
        List<Sent> sent = new ArrayList<>();
        for (Acceptance acceptance : acceptances) {
            for (String recipient : acceptance.recipients()) {
                try {
                    send(acceptance.messageId(), recipient, acceptance.type(), acceptance.payload(), acceptance.replay());
                    sent.add(new Sent(acceptance.messageId(), recipient));
                } catch (RuntimeException e) {
                    LOG.warnf("could not queue %s for %s yet (%s); the outbox sweeper will retry",
                            acceptance.messageId(), recipient, e.getMessage());
                }
            }
        }
        if (sent.isEmpty()) {
            return;
        }
        try {
            transactions.inTransaction(c -> {
                Instant now = clock.instant();
                for (Sent copy : sent) {
                    tracking.transition(c, copy.messageId(), copy.recipient(), DeliveryState.QUEUED,
                            "on queue " + queueFor(copy.recipient()), "hub", now);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("could not record %d queued copies yet (%s); the outbox sweeper will retry", sent.size(),
                    e.getMessage());
        }
        sent.stream().map(Sent::recipient).distinct().forEach(dispatcher::wake);
    }

    private record Sent(UUID messageId, String recipient) {
    }

    /**
     * Sends the recipient's copy of a stored message (trimmed to what it needs to know). {@code replay} &gt; 0 gives
     * an operator's replay its own duplicate-detection id. The copy is sealed for the broker (its journal and, if it
     * fails, the dead-letter queue hold it at rest): context {@link BodyCipher#copyContext}.
     */
    public void send(UUID messageId, String recipient, String type, byte[] payload, int replay) {
        byte[] copy = copies.copyFor(type, recipient, payload);
        SealedBody sealed = cipher.seal(BodyCipher.copyContext(recipient, messageId), copy);
        jms.send(queueFor(recipient), session -> {
            BytesMessage m = session.createBytesMessage();
            m.writeBytes(sealed.toWire());
            m.setStringProperty(BODY_KEY, sealed.keyId());
            m.setStringProperty(HubHeaders.MESSAGE_ID, messageId.toString());
            m.setStringProperty(HubHeaders.RECIPIENT, recipient);
            m.setStringProperty(HubHeaders.MESSAGE_TYPE, type);
            m.setStringProperty(HubHeaders.DUPLICATE_ID, messageId + ":" + recipient + (replay > 0 ? ":replay-" + replay : ""));
            return m;
        });
    }

    @PreDestroy
    void close() {
        sessions.destroy();
    }
}

package wales.safeguarding.hub.broker;

import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueBrowser;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import wales.safeguarding.hub.broker.BrokerSettings;
import wales.safeguarding.hub.broker.EmbeddedBroker;

/**
 * How many messages wait on a broker queue, read from the broker itself, embedded or standalone: a management request
 * to {@code activemq.management} over the core protocol (the queue's {@code messageCount}: waiting, scheduled for
 * redelivery and being delivered). Where the broker refuses management requests (a user without the manage
 * permission), it counts the queue with a JMS browser instead, up to {@code hub.endpoints.browse-limit}.
 */
@ApplicationScoped
public class QueueDepths {

    private static final Logger LOG = Logger.getLogger(QueueDepths.class);
    private static final long TIMEOUT_MS = 5000;
    private static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BrokerSettings settings;
    private final EmbeddedBroker embedded;
    private final ConnectionFactory connectionFactory;
    private final int browseLimit;
    private boolean browsing;
    private ServerLocator locator;
    private ClientSessionFactory sessionFactory;
    private ClientSession session;
    private ClientRequestor requestor;

    public QueueDepths(BrokerSettings settings, EmbeddedBroker embedded, ConnectionFactory connectionFactory,
            @ConfigProperty(name = "hub.endpoints.browse-limit", defaultValue = "10000") int browseLimit) {
        this.settings = settings;
        this.embedded = embedded;
        this.connectionFactory = connectionFactory;
        this.browseLimit = browseLimit;
    }

    /** The number of messages on {@code queue}; -1 when the broker cannot be asked. */
    public long depth(String queue) {
        try {
            return managementCount(queue);
        } catch (Exception e) {
            if (!browsing) {
                LOG.infof("queue depths are counted with a JMS browser: the broker's management address did not "
                        + "answer (%s)", e.getMessage());
                browsing = true;
            }
            close();
            return browseCount(queue);
        }
    }

    private void connect() throws Exception {
        if (requestor == null) {
            embedded.start(); // does nothing unless the embedded broker is enabled and not yet running
            locator = ActiveMQClient.createServerLocator(settings.url());
            locator.setCallTimeout(TIMEOUT_MS);
            sessionFactory = locator.createSessionFactory();
            session = sessionFactory.createSession(settings.user().orElse(null), settings.password().orElse(null),
                    false, true, true, false, 1);
            requestor = new ClientRequestor(session, "activemq.management");
            session.start();
        }
    }

    /**
     * The queue's {@code messageCount} from the broker's management address: {@code listQueues} filtered on the
     * queue's name, the one management operation the hub reads with (deploy/artemis/broker.xml gives the hub's role
     * {@code view} on {@code mops.broker.listQueues} and not on any queue's own attributes, whose {@code browse} would
     * show a message's body).
     */
    public synchronized long managementCount(String queue) throws Exception {
        ClientMessage request = newRequest();
        ManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, "listQueues",
                JSON.writeValueAsString(Map.of("field", "name", "operation", "EQUALS", "value", queue)), 1, 1);
        JsonNode answer = JSON.readTree(String.valueOf(result(request)));
        for (JsonNode q : answer.path("data")) {
            if (queue.equals(q.path("name").asText())) {
                return q.path("messageCount").asLong();
            }
        }
        return 0; // the queue does not exist yet: nothing was ever sent to it
    }

    /** One queue's counts as the broker gives them: waiting (all), scheduled for later, being delivered now. */
    public record Counts(long messages, long scheduled, long delivering) {
        /** Messages a consumer could take now. */
        public long ready() {
            return Math.max(0, messages - scheduled - delivering);
        }
    }

    /**
     * Every queue whose name starts with {@code prefix} and that holds at least one message, with its counts, in one
     * management request whatever the number of queues ({@code listQueues} filtered on the broker by message count).
     * Throws when the broker cannot be asked.
     */
    public synchronized Map<String, Counts> nonEmpty(String prefix) throws Exception {
        try {
            return listNonEmpty(prefix);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private Map<String, Counts> listNonEmpty(String prefix) throws Exception {
        Map<String, Counts> found = new LinkedHashMap<>();
        int page = 1;
        while (true) {
            ClientMessage request = newRequest();
            ManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, "listQueues",
                    "{\"field\":\"messageCount\",\"operation\":\"GREATER_THAN\",\"value\":\"0\"}", page, PAGE);
            JsonNode answer = JSON.readTree(String.valueOf(result(request)));
            for (JsonNode q : answer.path("data")) {
                String name = q.path("name").asText();
                if (name.startsWith(prefix)) {
                    found.put(name, new Counts(q.path("messageCount").asLong(), q.path("scheduledCount").asLong(),
                            q.path("deliveringCount").asLong()));
                }
            }
            if (answer.path("data").size() < PAGE || page * PAGE >= answer.path("count").asLong()) {
                return found;
            }
            page++;
        }
    }

    /**
     * Makes the queue exist with at most {@code maxConsumers} consumers, so no more than that many deliveries to the
     * agency run at once across every hub instance. Throws when the broker cannot be asked.
     */
    public synchronized void limitConsumers(String queue, int maxConsumers) throws Exception {
        try {
            setMaxConsumers(queue, maxConsumers);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void setMaxConsumers(String queue, int maxConsumers) throws Exception {
        String config = "{\"name\":\"" + queue + "\",\"address\":\"" + queue + "\",\"routing-type\":\"ANYCAST\","
                + "\"durable\":true,\"max-consumers\":" + maxConsumers + "}";
        ClientMessage create = newRequest();
        ManagementHelper.putOperationInvocation(create, ResourceNames.BROKER, "createQueue", config, true);
        result(create);
        ClientMessage update = newRequest();
        ManagementHelper.putOperationInvocation(update, ResourceNames.BROKER, "updateQueue", config);
        result(update);
    }

    private ClientMessage newRequest() throws Exception {
        connect();
        return session.createMessage(false);
    }

    private Object result(ClientMessage request) throws Exception {
        ClientMessage reply = requestor.request(request, TIMEOUT_MS);
        if (reply == null) {
            throw new IllegalStateException("no answer from the broker's management address");
        }
        if (!ManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException("the broker refused: " + ManagementHelper.getResult(reply));
        }
        return ManagementHelper.getResult(reply);
    }

    private long browseCount(String queue) {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                QueueBrowser browser = context.createBrowser(context.createQueue(queue))) {
            Enumeration<?> messages = browser.getEnumeration();
            long n = 0;
            while (n < browseLimit && messages.hasMoreElements()) {
                messages.nextElement();
                n++;
            }
            return n;
        } catch (Exception e) {
            LOG.warnf("cannot read the depth of %s: %s", queue, e.getMessage());
            return -1;
        }
    }

    @PreDestroy
    public synchronized void close() {
        try {
            if (requestor != null) {
                requestor.close();
            }
            if (sessionFactory != null) {
                sessionFactory.close();
            }
            if (locator != null) {
                locator.close();
            }
        } catch (Exception e) {
            LOG.debugf("closing the management session: %s", e.getMessage());
        } finally {
            requestor = null;
            session = null;
            sessionFactory = null;
            locator = null;
        }
    }
}

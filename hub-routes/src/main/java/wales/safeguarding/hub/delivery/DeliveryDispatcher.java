package wales.safeguarding.hub.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;

import org.apache.activemq.artemis.api.core.client.FailoverEventType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import wales.safeguarding.hub.logs.MessageLogContext;
import wales.safeguarding.hub.tracing.MessageTraces;
import wales.safeguarding.hub.broker.BrokerStatus;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.directory.DirectoryChanged;
import wales.safeguarding.hub.delivery.EndpointHealthStore;
import wales.safeguarding.hub.broker.QueueDepths;
import wales.safeguarding.schemas.spi.HubHeaders;

/**
 * Delivers the copies waiting on the agencies' queues ({@code hub.deliver.<agency>}) with one bounded pool of
 * workers shared by every agency, so threads and broker sessions follow the traffic, not the size of the directory.
 * <ul>
 * <li>An agency's queue is served only while it holds copies: a copy queued here wakes it at once; a scan of the
 * broker every {@code hub.delivery.scan-interval-ms} (one management request for all queues) finds copies queued by
 * other hub instances, left from before a restart, due again after a wait, or pushed to an idle lane by a broker that
 * took over after a fail-over.</li>
 * <li>Each agency has up to {@link DeliveryPolicy#concurrency} lanes (a transacted session with one consumer); the
 * broker's {@code max-consumers} on the queue holds that bound across every hub instance. A lane takes one copy,
 * runs the {@code delivery} route on it, and goes to the back of the workers' queue, so a busy agency takes turns
 * with the others. A lane idle for {@code hub.delivery.idle-close} closes.</li>
 * <li>A slow or failing agency system holds only its own lanes: a transient failure does not block anything, the copy
 * is put back on the agency's queue for its next attempt after the wait the retry schedule gives (scheduled
 * delivery, in the same broker transaction that takes it off), and the worker moves on.</li>
 * </ul>
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    static final String FIRST_FAILURE_AT = "HubFirstFailureAt";
    /** The properties a copy carries onto the exchange and back onto the queue when it waits for another go. */
    private static final String[] COPY_PROPERTIES = { HubHeaders.MESSAGE_ID, HubHeaders.RECIPIENT,
            HubHeaders.MESSAGE_TYPE, DeliveryQueues.BODY_KEY };

    private final ConnectionFactory connectionFactory;
    private final MessageTraces traces;
    private final CamelContext camel;
    private final Directory directory;
    private final DeliveryPolicy policy;
    private final QueueDepths depths;
    private final EndpointHealthStore health;
    private final BrokerStatus broker;
    private final Clock clock;
    private final String queuePrefix;
    private final long scanIntervalMs;
    private final Duration idleClose;
    private final long stopTimeoutMs;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService scanner;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, Integer> limitsSet = new ConcurrentHashMap<>();
    private volatile Set<String> paused = Set.of();
    /** Nothing is delivered before the persisted pauses are read once. */
    private volatile boolean pausesRead;
    private volatile Connection connection;
    private volatile ProducerTemplate template;
    private volatile boolean stopping;
    private boolean managementRefusedLogged;

    public DeliveryDispatcher(ConnectionFactory connectionFactory, CamelContext camel, Directory directory,
            DeliveryPolicy policy, QueueDepths depths, EndpointHealthStore health, BrokerStatus broker, Clock clock,
            @ConfigProperty(name = "hub.delivery.queue-prefix") String queuePrefix,
            @ConfigProperty(name = "hub.delivery.workers") int workerCount,
            @ConfigProperty(name = "hub.delivery.scan-interval-ms") long scanIntervalMs,
            @ConfigProperty(name = "hub.delivery.idle-close") Duration idleClose,
            @ConfigProperty(name = "hub.endpoints.stop-timeout-seconds", defaultValue = "30") long stopTimeoutSeconds,
            MessageTraces traces) {
        this.traces = traces;
        this.connectionFactory = connectionFactory;
        this.camel = camel;
        this.directory = directory;
        this.policy = policy;
        this.depths = depths;
        this.health = health;
        this.broker = broker;
        this.clock = clock;
        this.queuePrefix = queuePrefix;
        this.scanIntervalMs = scanIntervalMs;
        this.idleClose = idleClose;
        this.stopTimeoutMs = stopTimeoutSeconds * 1000;
        // threads are made as work arrives and end after a minute idle: none while nothing is being delivered
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named("delivery-worker"));
        this.workers.allowCoreThreadTimeOut(true);
        this.scanner = Executors.newSingleThreadScheduledExecutor(named("delivery-scan"));
    }

    void onStart(@Observes StartupEvent start) {
        scanner.scheduleWithFixedDelay(this::scan, 0, scanIntervalMs, TimeUnit.MILLISECONDS);
    }

    /** A copy was just put on the agency's queue: serve it now rather than at the next scan. */
    public void wake(String agencyId) {
        if (!stopping && pausesRead && connection != null && !paused.contains(agencyId)) {
            // inside the map's lock for this agency, so an idle endpoint is never retired between lookup and wake
            endpoints.compute(agencyId, (id, existing) -> {
                Endpoint endpoint = existing != null ? existing
                        : new Endpoint(id, directory.find(id).map(policy::concurrency).orElse(1));
                endpoint.wake();
                return endpoint;
            });
        }
    }

    /**
     * Stops (or starts again) deliveries to the agency on this instance; a delivery in progress finishes first (up to
     * {@code hub.endpoints.stop-timeout-seconds}). Every other instance applies the persisted pause at its next scan.
     */
    public void pause(String agencyId, boolean pause) {
        Set<String> now = new java.util.HashSet<>(paused);
        if (pause ? now.add(agencyId) : now.remove(agencyId)) {
            paused = Set.copyOf(now);
        }
        if (pause) {
            Endpoint endpoint = endpoints.remove(agencyId);
            if (endpoint != null) {
                endpoint.retire(stopTimeoutMs);
            }
        } else {
            wake(agencyId);
        }
    }

    /** True while this instance delivers to the agency: not paused, and its lanes may run. */
    public boolean delivering(String agencyId) {
        return !paused.contains(agencyId);
    }

    /** An agency removed or changed (its concurrency may have): its lanes close, and open again as the entry says. */
    void onDirectoryChanged(@Observes DirectoryChanged change) {
        for (Set<String> ids : java.util.List.of(change.removed(), change.changed())) {
            for (String id : ids) {
                limitsSet.remove(id);
                Endpoint endpoint = endpoints.remove(id);
                if (endpoint != null) {
                    // not waiting: this runs on the thread that swapped the directory; a lane in the middle of a
                    // delivery closes itself when the copy is done
                    endpoint.retire(0);
                }
            }
        }
        change.changed().forEach(this::wake);
        change.added().forEach(this::wake);
    }

    /** Every scan: the broker connection, the persisted pauses, the queues with copies ready, idle lanes. */
    void scan() {
        try {
            if (stopping) {
                return;
            }
            paused = health.paused();
            pausesRead = true;
            if (!camel.getStatus().isStarted() || !connect()) {
                return;
            }
            for (String agencyId : paused) {
                Endpoint endpoint = endpoints.remove(agencyId);
                if (endpoint != null) {
                    endpoint.retire(0);
                }
            }
            for (var queue : depths.nonEmpty(queuePrefix).entrySet()) {
                String agencyId = queue.getKey().substring(queuePrefix.length());
                QueueDepths.Counts counts = queue.getValue();
                // copies "delivering" may sit in the buffer of one of this instance's idle lanes (after a fail-over
                // the backup pushes them to the re-attached consumers, and nothing else wakes them): wake those too
                if (counts.ready() > 0 || counts.messages() - counts.scheduled() > 0 && endpoints.containsKey(agencyId)) {
                    wake(agencyId);
                }
            }
            Instant now = clock.instant();
            for (String agencyId : endpoints.keySet()) {
                endpoints.computeIfPresent(agencyId, (id, endpoint) -> endpoint.retireIfIdle(now) ? null : endpoint);
            }
            if (scanFailure != null) {
                LOG.infof("delivery scan works again");
                scanFailure = null;
            }
        } catch (Exception e) {
            // once per kind of failure, not once a second for as long as the broker or the database is away
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(scanFailure)) {
                LOG.warnf("delivery scan failed, trying again every %d ms: %s", scanIntervalMs, failure);
                scanFailure = failure;
            }
        }
    }

    private String scanFailure;

    private synchronized boolean connect() {
        if (connection != null) {
            return true;
        }
        try {
            Connection c = connectionFactory.createConnection();
            if (c instanceof ActiveMQConnection artemis) {
                artemis.setFailoverListener(event -> {
                    if (event == FailoverEventType.FAILOVER_COMPLETED) {
                        broker.reachable("failover completed");
                    } else {
                        broker.unreachable("connection " + event.name().toLowerCase().replace('_', ' '));
                    }
                });
            }
            c.setExceptionListener(e -> {
                // Artemis tells the listener of a fail-over it completed too (code FAILOVER): the connection and its
                // sessions live on (an open transaction was rolled back, its copy comes again). Only a connection
                // that is gone for good is dropped and made anew at the next scan.
                if (!ActiveMQConnection.EXCEPTION_FAILOVER.equals(e.getErrorCode())) {
                    scanner.execute(() -> dropConnection("connection lost: " + e.getMessage()));
                }
            });
            c.start();
            connection = c;
            template = camel.createProducerTemplate();
            broker.reachable("delivery connection open");
            return true;
        } catch (JMSException | RuntimeException e) {
            broker.unreachable(e.getMessage());
            return false;
        }
    }

    private synchronized void dropConnection(String why) {
        broker.unreachable(why);
        for (String agencyId : endpoints.keySet()) {
            Endpoint endpoint = endpoints.remove(agencyId);
            if (endpoint != null) {
                endpoint.retire(0);
            }
        }
        closeConnection();
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (JMSException | RuntimeException e) {
                LOG.debugf("closing the delivery connection: %s", e.getMessage());
            }
        }
    }

    /**
     * Sets the broker-side bound on consumers of the agency's queue once per process (and again when the directory
     * changes it), for an agency whose bound is not the broker's default of 1. Where the broker refuses management
     * requests, a raised bound holds per instance only.
     */
    private void limitConsumers(Endpoint endpoint) {
        if (endpoint.lanes.length == 1 && !limitsSet.containsKey(endpoint.agencyId)) {
            // the broker's default-max-consumers for hub.deliver.# is already 1: no management request for the
            // ~1,900 agencies that keep the default, only for those whose bound is raised
            return;
        }
        if (Integer.valueOf(endpoint.lanes.length).equals(limitsSet.get(endpoint.agencyId))) {
            return;
        }
        try {
            depths.limitConsumers(queuePrefix + endpoint.agencyId, endpoint.lanes.length);
            limitsSet.put(endpoint.agencyId, endpoint.lanes.length);
        } catch (Exception e) {
            synchronized (this) {
                if (!managementRefusedLogged) {
                    LOG.warnf("cannot set max-consumers on delivery queues (%s): the bound on concurrent deliveries per "
                            + "agency holds per hub instance, not across instances", e.getMessage());
                    managementRefusedLogged = true;
                }
            }
            limitsSet.put(endpoint.agencyId, endpoint.lanes.length);
        }
    }

    /**
     * One agency's lanes, while it has work on this instance. Once retired (idle, paused, removed from the directory,
     * the connection lost) its lanes close and never run again; the next wake makes a new one.
     */
    private final class Endpoint {
        private final String agencyId;
        private final Lane[] lanes;
        private volatile Instant heldElsewhereUntil = Instant.MIN;
        private volatile boolean retired;

        Endpoint(String agencyId, int concurrency) {
            this.agencyId = agencyId;
            this.lanes = new Lane[concurrency];
            for (int i = 0; i < concurrency; i++) {
                lanes[i] = new Lane(this);
            }
        }

        void wake() {
            if (clock.instant().isBefore(heldElsewhereUntil)) {
                return;
            }
            for (Lane lane : lanes) {
                lane.wake();
            }
        }

        /**
         * Retires the endpoint and closes its lanes, waiting up to {@code waitMs} for a delivery in progress; a lane
         * still running then closes itself when its copy is done.
         */
        void retire(long waitMs) {
            retired = true;
            for (Lane lane : lanes) {
                lane.closeWhenIdle(waitMs);
            }
        }

        /**
         * Closes lanes idle for {@code hub.delivery.idle-close}; when none is left open or running, retires the
         * endpoint and returns true (called inside the map's lock for this agency, like {@link #wake}).
         */
        boolean retireIfIdle(Instant now) {
            boolean allClosed = true;
            for (Lane lane : lanes) {
                allClosed &= lane.closeIfIdleSince(now.minus(idleClose));
            }
            retired = allClosed;
            return allClosed;
        }
    }

    /** A transacted session with one consumer on the agency's queue, run by one worker at a time. */
    private final class Lane implements Runnable {
        private final Endpoint endpoint;
        /** 0 idle, 1 queued or running on a worker */
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger wakes = new AtomicInteger();
        private jakarta.jms.Session session;
        private jakarta.jms.MessageConsumer consumer;
        private MessageProducer producer;
        private volatile Instant lastUsed = Instant.MIN;

        Lane(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        void wake() {
            wakes.incrementAndGet();
            if (running.compareAndSet(0, 1)) {
                try {
                    workers.execute(this);
                } catch (RuntimeException e) {
                    running.set(0);
                }
            }
        }

        /**
         * Takes one copy and delivers it, then queues itself again behind the other lanes. A lane that cannot run
         * (paused, no broker, another instance holds the agency, a broken session) closes and waits for the next
         * wake or scan instead of spinning.
         */
        @Override
        public void run() {
            int seen = wakes.get();
            boolean again = false;
            try {
                if (stopping || endpoint.retired || paused.contains(endpoint.agencyId)
                        || clock.instant().isBefore(endpoint.heldElsewhereUntil) || !openIfClosed()) {
                    close();
                    return;
                }
                Message message = consumer.receiveNoWait();
                lastUsed = clock.instant();
                if (message != null) {
                    deliver(message);
                    again = true;
                }
            } catch (JMSException | RuntimeException e) {
                LOG.warnf("delivery lane for %s closed: %s", endpoint.agencyId, e.getMessage());
                close();
                return;
            } finally {
                running.set(0);
            }
            // retired while this copy was being delivered: whoever retired it could not close a running lane
            if (endpoint.retired) {
                closeWhenIdle(0);
                return;
            }
            if (again || wakes.get() != seen) {
                wake();
            }
        }

        private boolean openIfClosed() throws JMSException {
            if (session != null) {
                return true;
            }
            Connection c = connection;
            if (c == null) {
                return false;
            }
            limitConsumers(endpoint);
            jakarta.jms.Session s = c.createSession(true, jakarta.jms.Session.SESSION_TRANSACTED);
            try {
                var queue = s.createQueue(queuePrefix + endpoint.agencyId);
                consumer = s.createConsumer(queue);
                producer = s.createProducer(queue);
                session = s;
                LOG.debugf("delivery lane to %s opened", endpoint.agencyId);
                return true;
            } catch (JMSException e) {
                // most often: the queue's max-consumers is reached, another instance delivers to this agency now
                s.close();
                endpoint.heldElsewhereUntil = clock.instant().plusMillis(Math.max(scanIntervalMs * 3, 1000));
                LOG.debugf("not delivering to %s from this instance now: %s", endpoint.agencyId, e.getMessage());
                return false;
            }
        }

        /** Runs the delivery route on one copy and ends the broker transaction as its outcome says. */
        private void deliver(Message message) throws JMSException {
            String messageId = message.getStringProperty(HubHeaders.MESSAGE_ID);
            String type = message.getStringProperty(HubHeaders.MESSAGE_TYPE);
            String recipient = message.getStringProperty(HubHeaders.RECIPIENT);
            try (var logContext = MessageLogContext.delivery(messageId, type, recipient);
                    var span = traces.attempt(messageId, type, recipient)) {
                deliverLogged(message);
            }
        }

        private void deliverLogged(Message message) throws JMSException {
            Exchange exchange = new DefaultExchange(camel);
            byte[] body = message instanceof BytesMessage bytes ? bytes.getBody(byte[].class) : null;
            exchange.getIn().setBody(body);
            for (String header : COPY_PROPERTIES) {
                exchange.getIn().setHeader(header, message.getStringProperty(header));
            }
            if (message.propertyExists(FIRST_FAILURE_AT)) {
                exchange.setProperty(DeliveryAttempts.FIRST_FAILURE_AT, Instant.ofEpochMilli(message.getLongProperty(FIRST_FAILURE_AT)));
            }
            template.send(DeliveryRoute.ENTRY, exchange);
            DeliveryAttempts.Next next = exchange.getProperty(DeliveryAttempts.NEXT, DeliveryAttempts.Next.class);
            if (next == null && exchange.getException() != null) {
                // not the agency's doing (the tracking database is down, a bug): the broker redelivers after its delay
                LOG.warnf("delivery of a copy for %s rolled back: %s", endpoint.agencyId, exchange.getException().getMessage());
                MessageTraces.outcome("rolled-back");
                session.rollback();
                return;
            }
            if (next != null) {
                Duration wait = next.after();
                BytesMessage again = session.createBytesMessage();
                if (body != null) {
                    again.writeBytes(body);
                }
                for (String header : COPY_PROPERTIES) {
                    if (message.propertyExists(header)) {
                        again.setStringProperty(header, message.getStringProperty(header));
                    }
                }
                if (next.firstFailureAt() != null) {
                    again.setLongProperty(FIRST_FAILURE_AT, next.firstFailureAt().toEpochMilli());
                }
                producer.setDeliveryDelay(wait.toMillis());
                producer.send(again);
            }
            session.commit();
        }

        void closeWhenIdle(long waitMs) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
            while (true) {
                if (running.compareAndSet(0, 1)) {
                    try {
                        close();
                    } finally {
                        running.set(0);
                    }
                    return;
                }
                if (System.nanoTime() >= deadline) {
                    return; // running: it sees the pause and closes itself when its copy is done
                }
                Thread.onSpinWait();
                try {
                    TimeUnit.MILLISECONDS.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        boolean closeIfIdleSince(Instant threshold) {
            if (session == null) {
                return running.get() == 0;
            }
            if (lastUsed.isBefore(threshold) && running.compareAndSet(0, 1)) {
                try {
                    close();
                } finally {
                    running.set(0);
                }
                return true;
            }
            return false;
        }

        private void close() {
            jakarta.jms.Session s = session;
            session = null;
            consumer = null;
            producer = null;
            if (s != null) {
                LOG.debugf("delivery lane to %s closed", endpoint.agencyId);
                try {
                    s.close();
                } catch (JMSException | RuntimeException e) {
                    LOG.debugf("closing a delivery lane of %s: %s", endpoint.agencyId, e.getMessage());
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        scanner.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(stopTimeoutMs, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endpoints.values().forEach(e -> e.retire(0));
        closeConnection();
        if (template != null) {
            try {
                template.stop();
            } catch (RuntimeException e) {
                LOG.debugf("stopping the producer template: %s", e.getMessage());
            }
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package wales.safeguarding.hub.broker;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * An ActiveMQ Artemis broker inside the hub, persistent in {@code hub.broker.embedded.data-dir}, for the default
 * run and the tests. Production points {@code hub.broker.url} at a standalone broker or an HA pair instead and sets
 * {@code hub.broker.embedded.enabled=false}. The same redelivery and dead-letter settings are in
 * {@code deploy/artemis/broker.xml} for that case.
 */
@ApplicationScoped
public class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private final BrokerSettings settings;
    private final String queuePrefix;
    private final String deadLetterQueue;
    private EmbeddedActiveMQ broker;
    private CompletableFuture<Void> starting;

    public EmbeddedBroker(BrokerSettings settings, @ConfigProperty(name = "hub.delivery.queue-prefix") String queuePrefix,
            @ConfigProperty(name = "hub.delivery.dead-letter-queue") String deadLetterQueue) {
        this.settings = settings;
        this.queuePrefix = queuePrefix;
        this.deadLetterQueue = deadLetterQueue;
    }

    /**
     * Starts the broker if it is enabled and not running yet, and returns once it runs (or throws why it did not).
     * Joins a start {@link #startInBackground} began.
     */
    public void start() {
        CompletableFuture<Void> started = startInBackground();
        if (started == null) {
            return;
        }
        try {
            started.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    /**
     * Begins starting the broker on a thread of its own if it is enabled and not started yet, and returns at once:
     * the hub's start calls this before its migrations ({@code wales.safeguarding.hub.startup.StartInParallel}), so
     * the broker reads its journal while Flyway and the rest of the start run. Null when the broker is not enabled.
     */
    public synchronized CompletableFuture<Void> startInBackground() {
        if (!settings.embedded().enabled()) {
            return null;
        }
        if (starting == null) {
            CompletableFuture<Void> future = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    startNow();
                    future.complete(null);
                } catch (Throwable e) {
                    future.completeExceptionally(e);
                }
            }, "embedded-artemis-start");
            thread.setDaemon(true);
            starting = future;
            thread.start();
        }
        return starting;
    }

    private void startNow() {
        try {
            EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
            embedded.setConfiguration(configuration());
            embedded.start();
            synchronized (this) {
                broker = embedded;
            }
            LOG.infof("embedded Artemis broker started, journal in %s", settings.embedded().dataDir());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Artemis broker: " + e.getMessage(), e);
        }
    }

    private Configuration configuration() throws Exception {
        Path data = Path.of(settings.embedded().dataDir());
        Configuration config = new ConfigurationImpl()
                .setName("hub-embedded")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setIDCacheSize(settings.embedded().idCacheSize())
                .setPersistIDCache(true)
                .setGlobalMaxSize(settings.embedded().globalMaxSizeMb() * 1024 * 1024)
                .setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("in-vm", "vm://0");
        settings.embedded().tcpAcceptor().filter(s -> !s.isBlank())
                .ifPresent(url -> addAcceptor(config, url));
        BrokerSettings.Redelivery redelivery = settings.redelivery();
        config.addAddressSetting(queuePrefix + "#", new AddressSettings()
                .setRedeliveryDelay(redelivery.delayMs())
                .setRedeliveryMultiplier(redelivery.multiplier())
                .setMaxRedeliveryDelay(redelivery.maxDelayMs())
                .setMaxDeliveryAttempts(redelivery.maxDeliveryAttempts())
                .setDeadLetterAddress(SimpleString.of(deadLetterQueue))
                .setExpiryAddress(SimpleString.of(deadLetterQueue))
                .setAutoCreateDeadLetterResources(false)
                // one delivery at a time per agency unless the hub raises it per queue (hub.delivery.concurrency.*)
                .setDefaultMaxConsumers(1));
        // The dead-letter queue exists from the start, so nothing the broker gives up on is dropped for want of it.
        config.addQueueConfiguration(QueueConfiguration.of(deadLetterQueue).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true));
        return config;
    }

    private static void addAcceptor(Configuration config, String url) {
        try {
            config.addAcceptorConfiguration("tcp", url);
        } catch (Exception e) {
            throw new IllegalStateException("bad hub.broker.embedded.tcp-acceptor '" + url + "'", e);
        }
    }

    @PreDestroy
    void stop() {
        CompletableFuture<Void> started;
        synchronized (this) {
            started = starting;
        }
        if (started == null) {
            return;
        }
        try {
            started.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS); // a start under way finishes first, then stops
        } catch (TimeoutException e) {
            // still starting (e.g. waiting for a journal lock another process holds): its thread is a daemon
            LOG.warnf("embedded Artemis broker still starting after %d s; not waiting longer", STOP_WAIT_SECONDS);
            return;
        } catch (ExecutionException e) {
            // did not start: nothing to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            starting = null;
            if (broker == null) {
                return;
            }
            try {
                broker.stop();
                LOG.info("embedded Artemis broker stopped");
            } catch (Exception e) {
                LOG.warnf("embedded Artemis broker did not stop cleanly: %s", e.getMessage());
            } finally {
                broker = null;
            }
        }
    }
}

package wales.safeguarding.hub.broker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

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
    private AutoCloseable broker;
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
            // the Artemis server's classes are touched only here, in a class of their own: the production artefact
            // leaves them out (-Pproduction), and this bean must load without them when the broker is standalone
            AutoCloseable embedded = EmbeddedArtemis.start(settings, queuePrefix, deadLetterQueue);
            synchronized (this) {
                broker = embedded;
            }
            LOG.infof("embedded Artemis broker started, journal in %s", settings.embedded().dataDir());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Artemis broker: " + e.getMessage(), e);
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
                broker.close();
                LOG.info("embedded Artemis broker stopped");
            } catch (Exception e) {
                LOG.warnf("embedded Artemis broker did not stop cleanly: %s", e.getMessage());
            } finally {
                broker = null;
            }
        }
    }
}

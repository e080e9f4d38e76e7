package wales.safeguarding.hub.delivery;

import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.spi.CamelEvent;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.schemas.spi.OutboundAdapter;

/** The adapters on the classpath, by the transport name the directory uses. */
@ApplicationScoped
public class OutboundAdapters {

    private static final Logger LOG = Logger.getLogger(OutboundAdapters.class);

    private final Map<String, OutboundAdapter> byTransport = ServiceLoader.load(OutboundAdapter.class,
            OutboundAdapters.class.getClassLoader()).stream().map(ServiceLoader.Provider::get)
            .collect(Collectors.toUnmodifiableMap(OutboundAdapter::transport, Function.identity()));

    private final Map<String, CompletableFuture<Void>> warmUps = new ConcurrentHashMap<>();
    private volatile boolean routesStarting;

    /**
     * Warms up, in background threads once the Camel context has started, the adapters the directory's agencies use
     * (the FHIR validator takes seconds): they do not compete with the rest of the start for the processor, and the
     * hub does not wait for them to report ready. A delivery through an adapter still warming waits for its warm-up
     * (the adapter prepares what it needs on first use, once); other agencies' deliveries do not.
     */
    void warmUp(@Observes CamelEvent.CamelContextStartedEvent started, Directory directory) {
        directory.receivers().stream().filter(a -> !a.pulls()).map(a -> a.endpoint().transport()).distinct()
                .map(byTransport::get).filter(Objects::nonNull).forEach(adapter -> {
                    var done = new CompletableFuture<Void>();
                    if (warmUps.putIfAbsent(adapter.transport(), done) != null) {
                        return;
                    }
                    Thread warmUp = new Thread(() -> {
                        long start = System.nanoTime();
                        try {
                            adapter.warmUp();
                            done.complete(null);
                            LOG.infof("adapter %s warm in %d ms", adapter.transport(),
                                    (System.nanoTime() - start) / 1_000_000);
                        } catch (RuntimeException | LinkageError e) {
                            done.completeExceptionally(e);
                            LOG.errorf("adapter %s failed to warm up (%s); its deliveries will fail and be retried",
                                    adapter.transport(), e.getClass().getSimpleName());
                        }
                    }, "warm-up-" + adapter.transport());
                    warmUp.setDaemon(true);
                    warmUp.start();
                });
        routesStarting = true;
    }

    /**
     * False until the Camel context has started: between Quarkus listening and Camel registering its own readiness
     * checks (routes, context), nothing else says the routes are not up yet.
     */
    public boolean routesStarting() {
        return routesStarting;
    }

    /** Each adapter in use that has a warm-up, by transport: {@code warming}, {@code warm} or {@code failed}. */
    public Map<String, String> warmth() {
        Map<String, String> states = new TreeMap<>();
        warmUps.forEach((transport, done) -> states.put(transport,
                !done.isDone() ? "warming" : done.isCompletedExceptionally() ? "failed" : "warm"));
        return states;
    }

    public OutboundAdapter forTransport(String transport) {
        OutboundAdapter adapter = byTransport.get(transport);
        if (adapter == null) {
            throw new IllegalStateException("no adapter for transport '" + transport + "'; known: " + byTransport.keySet());
        }
        return adapter;
    }
}

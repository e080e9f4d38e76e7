package wales.safeguarding.hub.delivery;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.schemas.spi.OutboundAdapter;

/** The adapters on the classpath, by the transport name the directory uses. */
@ApplicationScoped
public class OutboundAdapters {

    private final Map<String, OutboundAdapter> byTransport = ServiceLoader.load(OutboundAdapter.class,
            OutboundAdapters.class.getClassLoader()).stream().map(ServiceLoader.Provider::get)
            .collect(Collectors.toUnmodifiableMap(OutboundAdapter::transport, Function.identity()));

    private final java.util.List<java.util.concurrent.CompletableFuture<Void>> warmUps =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Warms up, in the background, the adapters the directory's agencies use (the FHIR validator takes 8-15 s); the
     * hub reports ready only when they are warm, so no delivery waits for it.
     */
    void warmUp(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent started,
            wales.safeguarding.hub.directory.Directory directory) {
        directory.receivers().stream().filter(a -> !a.pulls()).map(a -> a.endpoint().transport()).distinct()
                .map(byTransport::get).filter(java.util.Objects::nonNull).forEach(adapter -> {
                    var done = new java.util.concurrent.CompletableFuture<Void>();
                    Thread warmUp = new Thread(() -> {
                        try {
                            adapter.warmUp();
                            done.complete(null);
                        } catch (RuntimeException e) {
                            done.completeExceptionally(e);
                        }
                    }, "warm-up-" + adapter.transport());
                    warmUp.setDaemon(true);
                    warmUps.add(done);
                    warmUp.start();
                });
    }

    /** True once every adapter in use has warmed up. */
    public boolean warm() {
        return warmUps.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    }

    public OutboundAdapter forTransport(String transport) {
        OutboundAdapter adapter = byTransport.get(transport);
        if (adapter == null) {
            throw new IllegalStateException("no adapter for transport '" + transport + "'; known: " + byTransport.keySet());
        }
        return adapter;
    }
}

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

    /** Warms up, in the background, the adapters the directory's agencies use. */
    void warmUp(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent started,
            wales.safeguarding.hub.directory.Directory directory) {
        directory.receivers().stream().filter(a -> !a.pulls()).map(a -> a.endpoint().transport()).distinct()
                .map(byTransport::get).filter(java.util.Objects::nonNull).forEach(adapter -> {
                    Thread warmUp = new Thread(adapter::warmUp, "warm-up-" + adapter.transport());
                    warmUp.setDaemon(true);
                    warmUp.start();
                });
    }

    public OutboundAdapter forTransport(String transport) {
        OutboundAdapter adapter = byTransport.get(transport);
        if (adapter == null) {
            throw new IllegalStateException("no adapter for transport '" + transport + "'; known: " + byTransport.keySet());
        }
        return adapter;
    }
}

package wales.safeguarding.hub.directory;

import java.util.Set;
import java.util.TreeSet;
import java.util.ServiceLoader;

import wales.safeguarding.schemas.spi.OutboundAdapter;

/** The transports an endpoint may name: those of the outbound adapters on the classpath, and {@code pull}. */
public final class KnownTransports {

    private KnownTransports() {
    }

    public static Set<String> onClasspath() {
        Set<String> names = new TreeSet<>();
        names.add(Agency.PULL);
        ServiceLoader.load(OutboundAdapter.class, KnownTransports.class.getClassLoader()).stream()
                .map(p -> p.get().transport()).forEach(names::add);
        return Set.copyOf(names);
    }
}

package wales.safeguarding.hub.broker;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code hub.broker.*}: where the broker is, and the embedded one's settings. */
@ConfigMapping(prefix = "hub.broker")
public interface BrokerSettings {

    /** The Artemis URL the hub connects to: {@code vm://0} for the embedded broker, {@code tcp://...} for a real one. */
    String url();

    Optional<String> user();

    Optional<String> password();

    Embedded embedded();

    Redelivery redelivery();

    interface Embedded {
        /** Start an Artemis broker inside the hub (the default run and tests). */
        @WithDefault("true")
        boolean enabled();

        /** Journal, bindings, paging and large messages live under this folder. */
        String dataDir();

        /** Extra acceptor for other processes (benchmarks, tools), e.g. {@code tcp://127.0.0.1:61617}; empty for none. */
        Optional<String> tcpAcceptor();
    }

    /** How the broker redelivers a delivery that failed for a reason that may pass. */
    interface Redelivery {
        long delayMs();

        double multiplier();

        long maxDelayMs();

        /** The broker's own give-up count, a safety net above {@code hub.delivery.max-attempts}. */
        int maxDeliveryAttempts();
    }
}

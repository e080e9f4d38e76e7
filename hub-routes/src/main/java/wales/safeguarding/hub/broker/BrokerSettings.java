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

    /**
     * How long the broker keeps the sessions of a hub it no longer hears from (a {@code kill -9}, a cut network)
     * before their unfinished deliveries go to another instance.
     */
    @WithDefault("15000")
    long connectionTtlMs();

    /** How often the hub checks its broker connection (and pings the broker). */
    @WithDefault("5000")
    long clientFailureCheckPeriodMs();

    /** How long a send waits for a fail-over to the backup before it fails (and the outbox sweeper retries it). */
    @WithDefault("10000")
    long callFailoverTimeoutMs();

    interface Embedded {
        /** Start an Artemis broker inside the hub (the default run and tests). */
        @WithDefault("true")
        boolean enabled();

        /** Journal, bindings, paging and large messages live under this folder. */
        String dataDir();

        /** Extra acceptor for other processes (benchmarks, tools), e.g. {@code tcp://127.0.0.1:61617}; empty for none. */
        Optional<String> tcpAcceptor();

        /**
         * Duplicate-detection ids the broker keeps per address (one address per receiving agency): it must cover the
         * copies sent to one agency between a copy's first send and the outbox sweeper's resend (the outbox grace and
         * a sweep, about 15 s). The broker allocates the whole window for every address that receives a copy, so
         * 50,000 (the earlier value) cost about 200 KB of heap per agency reached before any id was stored: 230 MB
         * for the 1,152 agencies one benchmark run reaches in the Wales directory.
         */
        @WithDefault("2000")
        int idCacheSize();

        /**
         * Memory the embedded broker may hold messages in before it pages them to disk, in MiB. Artemis's default is
         * half of {@code -Xmx}: 256 MB of the shipped 512 MB, beside about 200 MB the hub keeps (the FHIR validator),
         * so a backlog (an agency down for a day) would fill the heap and the collector would run back to back.
         * 64 MB is about 20,000 sealed copies in memory; beyond that they wait on disk and are read back in order.
         */
        @WithDefault("64")
        long globalMaxSizeMb();
    }

    /**
     * How the broker redelivers a copy whose delivery was rolled back for a reason that is not the agency's (the
     * tracking database is down, a fault in the hub). Failures of the agency's system follow the hub's own retry
     * schedule instead ({@code hub.delivery.retry.*}).
     */
    interface Redelivery {
        long delayMs();

        double multiplier();

        long maxDelayMs();

        /** The broker's own give-up count; -1 (the default) never: a copy is only dead-lettered by the hub, with its reason. */
        int maxDeliveryAttempts();
    }
}

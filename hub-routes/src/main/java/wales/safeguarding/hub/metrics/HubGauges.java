package wales.safeguarding.hub.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import wales.safeguarding.hub.database.Transactions;

/**
 * The gauges read from the tracking database: copies waiting and the age of the oldest, dead letters, running and
 * overdue statutory clocks, open alerts. A scrape reads them all from one cached {@link GaugeSnapshot}; the first gauge
 * a scrape reads after {@code hub.metrics.snapshot-max-age} refreshes it with one statement
 * ({@link MetricsRepository}), so the database sees at most one query per scrape and none per series, and none at all
 * while nobody scrapes. The Prometheus endpoint runs on a worker thread, never the event loop. If the database cannot be
 * read the last values stay, {@code hub_metrics_snapshot_age_seconds} grows, and the next scrape after the max age tries
 * again. A series appears once the database has something to count for it (the per-kind ones from the start) and then
 * stays, reading 0 when there is nothing.
 */
@ApplicationScoped
public class HubGauges {

    private static final Logger LOG = Logger.getLogger(HubGauges.class);

    private final MeterRegistry registry;
    private final Transactions transactions;
    private final MetricsRepository repository;
    private final AgencyKinds kinds;
    private final Clock clock;
    private final long maxAgeNanos;
    private final int queryTimeoutSeconds;
    private final Set<GaugeSnapshot.Key> registered = ConcurrentHashMap.newKeySet();
    private final Object refreshing = new Object();
    private volatile GaugeSnapshot snapshot = GaugeSnapshot.empty();
    private volatile long attemptedAt;
    private volatile long readAt;
    private volatile boolean attempted;

    public HubGauges(MeterRegistry registry, Transactions transactions, MetricsRepository repository, AgencyKinds kinds,
            Clock clock, @ConfigProperty(name = "hub.metrics.snapshot-max-age") Duration maxAge,
            @ConfigProperty(name = "hub.metrics.query-timeout-seconds") int queryTimeoutSeconds) {
        this.registry = registry;
        this.transactions = transactions;
        this.repository = repository;
        this.kinds = kinds;
        this.clock = clock;
        this.maxAgeNanos = maxAge.toNanos();
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    void onStart(@Observes StartupEvent start) {
        GaugeSnapshot.always().forEach(this::register);
        Gauge.builder(HubMetrics.SNAPSHOT_AGE, this, HubGauges::snapshotAgeSeconds).strongReference(true)
                .baseUnit("seconds").description("seconds since the database gauges were read").register(registry);
    }

    /** Reads the database now (a test's, or the first scrape's after the max age), and registers new series. */
    public GaugeSnapshot refresh() {
        synchronized (refreshing) {
            attempted = true;
            attemptedAt = System.nanoTime();
            try {
                var now = clock.instant();
                var facts = transactions.inTransaction(c -> repository.read(c, now, queryTimeoutSeconds));
                GaugeSnapshot read = GaugeSnapshot.of(facts, kinds, now);
                read.keys().forEach(this::register);
                snapshot = read;
                readAt = System.nanoTime();
            } catch (RuntimeException e) {
                // a scrape must still answer (JVM, HTTP and the counters are good): the gauges keep their last values
                // and hub_metrics_snapshot_age_seconds says how old they are
                LOG.warnf("could not read the database gauges, keeping the last values: %s", e.getMessage());
            }
            return snapshot;
        }
    }

    private GaugeSnapshot current() {
        if (!attempted || System.nanoTime() - attemptedAt >= maxAgeNanos) {
            synchronized (refreshing) {
                if (!attempted || System.nanoTime() - attemptedAt >= maxAgeNanos) {
                    return refresh();
                }
            }
        }
        return snapshot;
    }

    private double read(GaugeSnapshot.Key key) {
        return current().value(key, clock.instant());
    }

    private double snapshotAgeSeconds() {
        current();
        return snapshot.readAt() == null ? Double.NaN : (System.nanoTime() - readAt) / 1e9;
    }

    private void register(GaugeSnapshot.Key key) {
        if (!registered.add(key)) {
            return;
        }
        Gauge.Builder<HubGauges> gauge = Gauge.builder(key.name(), this, g -> g.read(key)).strongReference(true);
        for (int i = 0; i + 1 < key.tags().size(); i += 2) {
            gauge.tag(key.tags().get(i), key.tags().get(i + 1));
        }
        if (HubMetrics.OLDEST_WAITING_AGE.equals(key.name())) {
            gauge.baseUnit("seconds");
        }
        gauge.register(registry);
    }
}

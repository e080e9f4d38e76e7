package wales.safeguarding.hub.directory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import wales.safeguarding.hub.database.Transactions;

/**
 * The running directory, from PostgreSQL. On the first start (version 0) the file at {@code hub.directory.location}
 * is loaded into the table, under the version row's lock so that instances starting together load it once; after
 * that the table is the truth and the file is not read again. Each instance then polls the version every
 * {@code hub.directory.refresh-interval-ms} and swaps in a newer directory ({@link DirectoryRefresher}), firing
 * {@link DirectoryChanged}. An endpoint URL that starts with {@code /} is taken relative to
 * {@code hub.directory.base-url}, so the demo directory can point at the hub's own demo inboxes on any port.
 */
@ApplicationScoped
public class DirectoryProducer {

    private static final Logger LOG = Logger.getLogger(DirectoryProducer.class);

    private final DataSource dataSource;
    private final Transactions transactions;
    private final DirectoryStore store;
    private final Event<DirectoryChanged> changed;
    private final Optional<String> location;
    private final String baseUrl;
    private final Duration interval;
    private final Clock clock;
    private DirectoryRefresher refresher;

    public DirectoryProducer(DataSource dataSource, Transactions transactions, DirectoryStore store,
            Event<DirectoryChanged> changed, Clock clock,
            @ConfigProperty(name = "hub.directory.location") Optional<String> location,
            @ConfigProperty(name = "hub.directory.base-url") String baseUrl,
            @ConfigProperty(name = "hub.directory.refresh-interval-ms", defaultValue = "1000") long intervalMs) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.store = store;
        this.changed = changed;
        this.clock = clock;
        this.location = location.filter(l -> !l.isBlank());
        this.baseUrl = baseUrl;
        this.interval = Duration.ofMillis(intervalMs);
    }

    @Produces
    @ApplicationScoped
    Directory directory() {
        return refresher().directory();
    }

    void onStart(@Observes StartupEvent started) {
        refresher().start(interval, "directory-refresh");
    }

    void onStop(@Observes ShutdownEvent stopping) {
        if (refresher != null) {
            refresher.close();
        }
    }

    /**
     * Brings this instance's directory to the stored version now (after a change made here, already committed). If
     * that fails, the change is still stored: the next poll brings it in.
     */
    public void refreshNow() {
        try {
            refresher().refresh();
        } catch (RuntimeException e) {
            LOG.warnf("directory: the change is stored, but this instance could not reload it now (the next poll will):"
                    + " %s", e.getMessage());
        }
    }

    /** Resolves relative endpoint URLs as the running directory does. */
    public UnaryOperator<Agency> resolver() {
        return DirectoryFile.resolvingAgainst(baseUrl);
    }

    private synchronized DirectoryRefresher refresher() {
        if (refresher == null) {
            DirectoryLoader.Loaded loaded = new DirectoryLoader(transactions, store, location,
                    KnownTransports.onClasspath(), clock).load();
            Directory directory = new Directory(loaded.agencies().stream().map(resolver()).toList());
            if (loaded.fromFile()) {
                LOG.infof("directory loaded from %s into the database (first start, version %d): %d agencies, %d with"
                        + " an endpoint", loaded.location(), loaded.version(), directory.all().size(),
                        directory.receivers().size());
            } else {
                LOG.infof("directory read from the database (version %d): %d agencies, %d with an endpoint; the file"
                        + " at hub.directory.location was NOT read again (change the directory by import or in the"
                        + " console)", loaded.version(), directory.all().size(), directory.receivers().size());
            }
            refresher = new DirectoryRefresher(directory, loaded.version(), dataSource, store, resolver(),
                    changed::fire);
        }
        return refresher;
    }

}

package wales.safeguarding.hub.directory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import wales.safeguarding.schemas.validation.Violation;

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
    static final String FIRST_START = "first start";

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

    /** Brings this instance's directory to the stored version now (after a change made here). */
    public void refreshNow() {
        refresher().refresh();
    }

    /** Resolves relative endpoint URLs as the running directory does. */
    public UnaryOperator<Agency> resolver() {
        return DirectoryFile.resolvingAgainst(baseUrl);
    }

    private synchronized DirectoryRefresher refresher() {
        if (refresher == null) {
            Loaded loaded = transactions.inTransaction(c -> {
                long version = store.lockVersion(c);
                if (version > 0) {
                    return new Loaded(version, store.all(c), false);
                }
                List<Agency> agencies = fromFile(store.legacyEdits(c));
                Instant now = clock.instant();
                store.put(c, agencies, FIRST_START, now);
                store.forgetLegacyEdits(c);
                return new Loaded(store.bump(c, FIRST_START, now), agencies, true);
            });
            Directory directory = new Directory(loaded.agencies().stream().map(resolver()).toList());
            if (loaded.fromFile()) {
                LOG.infof("directory loaded from %s into the database (first start, version %d): %d agencies, %d with"
                        + " an endpoint", location.orElseThrow(), loaded.version(), directory.all().size(),
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

    private record Loaded(long version, List<Agency> agencies, boolean fromFile) {
    }

    private List<Agency> fromFile(List<DirectoryStore.LegacyEdit> edits) {
        String file = location.orElseThrow(() -> new IllegalStateException("the directory table is empty and"
                + " hub.directory.location (HUB_DIRECTORY_LOCATION) is not set: give the file to load on first start"));
        DirectoryFile.Parsed parsed;
        try {
            parsed = DirectoryFile.read(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the directory from " + file + ": " + e.getMessage(), e);
        }
        Map<String, Agency> byId = new LinkedHashMap<>();
        parsed.agencies().forEach(a -> byId.putIfAbsent(a.id(), a));
        for (DirectoryStore.LegacyEdit edit : edits) {
            Agency agency = byId.get(edit.agencyId());
            if (agency == null) {
                LOG.warnf("directory edit for %s (kept before V12) dropped: the directory file does not have it",
                        edit.agencyId());
            } else {
                byId.put(agency.id(), edit.applyTo(agency));
            }
        }
        if (!edits.isEmpty()) {
            LOG.infof("directory: %d edit(s) made in the console before V12 applied over the file", edits.size());
        }
        List<Agency> agencies = new ArrayList<>(parsed.agencies().stream().map(a -> byId.get(a.id())).toList());
        List<Violation> violations = new ArrayList<>(parsed.violations());
        if (violations.isEmpty()) {
            violations.addAll(DirectoryRules.violations(agencies, KnownTransports.onClasspath()));
        }
        if (!violations.isEmpty()) {
            throw new IllegalStateException("cannot load the directory from " + file + ": " + violations.size()
                    + " violation(s): " + violations.stream().limit(20)
                            .map(v -> v.pointer() + " " + v.rule() + " (" + v.message() + ")").toList());
        }
        return agencies;
    }
}

package wales.safeguarding.hub.directory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Keeps one running {@link Directory} at the stored version. Every poll is one query for the version number; only
 * when it moved are the rows read (in one snapshot), the new index built beside the old one and swapped in, and a
 * {@link DirectoryChanged} handed to the listener. A failed poll or an unusable version is logged and the running
 * directory kept; the next poll tries again.
 */
public final class DirectoryRefresher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DirectoryRefresher.class);

    private final Directory directory;
    private final DataSource dataSource;
    private final DirectoryStore store;
    private final UnaryOperator<Agency> resolve;
    private final Consumer<DirectoryChanged> listener;
    private volatile long version;
    private long failedVersion = -1;
    private boolean pollFailing;
    private ScheduledExecutorService poller;

    public DirectoryRefresher(Directory directory, long version, DataSource dataSource, DirectoryStore store,
            UnaryOperator<Agency> resolve, Consumer<DirectoryChanged> listener) {
        this.directory = directory;
        this.version = version;
        this.dataSource = dataSource;
        this.store = store;
        this.resolve = resolve;
        this.listener = listener;
    }

    public Directory directory() {
        return directory;
    }

    /** The stored version the running directory shows. */
    public long version() {
        return version;
    }

    /** Polls every {@code interval} on one daemon thread until {@link #close}. */
    public synchronized void start(Duration interval, String threadName) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One warning per outage of the database, not one a second; and one line when it is back. */
    private void poll() {
        try {
            refresh();
            if (pollFailing) {
                pollFailing = false;
                LOG.infof("directory refresh works again (version %d)", version);
            }
        } catch (RuntimeException e) {
            if (!pollFailing) {
                pollFailing = true;
                LOG.warnf("directory refresh failed, the running directory (version %d) is kept and the refresh"
                        + " tried again every interval: %s", version, e.getMessage());
            } else {
                LOG.debugf("directory refresh still failing: %s", e.getMessage());
            }
        }
    }

    /** Swaps in the stored directory if its version moved; true if it did. Safe to call from any thread. */
    public synchronized boolean refresh() {
        long stored;
        try (Connection c = dataSource.getConnection()) {
            stored = store.version(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the directory version: " + e.getMessage(), e);
        }
        if (stored == version) {
            return false;
        }
        long started = System.nanoTime();
        Snapshot snapshot = read();
        long read = System.nanoTime();
        List<Agency> agencies = snapshot.agencies().stream().map(resolve).toList();
        List<Agency> before = List.copyOf(directory.all());
        try {
            directory.replaceAll(agencies);
        } catch (IllegalArgumentException e) {
            if (failedVersion != snapshot.version()) {
                LOG.errorf("directory version %d not used, the running one (version %d) is kept: %s",
                        snapshot.version(), version, e.getMessage());
                failedVersion = snapshot.version();
            }
            return false;
        }
        long was = version;
        version = snapshot.version();
        DirectoryChanged change = DirectoryChanged.between(before, agencies);
        LOG.infof("directory version %d (was %d): %d agencies; %d added, %d changed, %d removed; read in %d ms,"
                + " indexed and swapped in %d ms", version, was, agencies.size(), change.added().size(),
                change.changed().size(), change.removed().size(), (read - started) / 1_000_000,
                (System.nanoTime() - read) / 1_000_000);
        if (!change.isEmpty()) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                // the new version is in use either way; an observer's failure is its own to handle
                LOG.errorf(e, "an observer of the directory's change to version %d failed", version);
            }
        }
        return true;
    }

    private record Snapshot(long version, List<Agency> agencies) {
    }

    /** The version and its rows as of one moment (a repeatable-read snapshot). */
    private Snapshot read() {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Snapshot snapshot = new Snapshot(store.version(c), store.all(c));
                c.commit();
                return snapshot;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the directory: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}

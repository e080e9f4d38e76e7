package wales.safeguarding.hub.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * After a {@code kill -9} of the hub the embedded PostgreSQL keeps running in its own session and holds the data
 * folder. On start: if the postmaster that owns the folder is alive and no other hub uses it, stop it; if another
 * hub is using it, refuse to start with a clear message.
 */
final class StalePostmaster {

    private static final Logger LOG = Logger.getLogger(StalePostmaster.class);
    private static final String OWNER_FILE = "hub.pid";

    private StalePostmaster() {
    }

    static void stopIfOrphaned(Path data) throws IOException {
        Path owner = data.resolveSibling("postgres-" + OWNER_FILE);
        Optional<ProcessHandle> previousHub = readPid(owner).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (previousHub.isPresent() && previousHub.get().pid() != ProcessHandle.current().pid()) {
            throw new IllegalStateException("another hub (pid " + previousHub.get().pid() + ") is using the data folder "
                    + data.getParent() + "; stop it first or give this one another hub.data-dir");
        }
        Path pidFile = data.resolve("postmaster.pid");
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (postmaster.isPresent()) {
            LOG.warnf("stopping an orphaned embedded PostgreSQL (pid %d) left by a hub that did not stop cleanly",
                    postmaster.get().pid());
            postmaster.get().destroy();
            postmaster.get().onExit().join();
        }
        Files.writeString(owner, Long.toString(ProcessHandle.current().pid()));
    }

    private static Optional<Long> readPid(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}

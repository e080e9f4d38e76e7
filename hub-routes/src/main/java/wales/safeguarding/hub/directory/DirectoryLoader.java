package wales.safeguarding.hub.directory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The directory at start: the stored one, or on the very first start (version 0) the file at
 * {@code hub.directory.location} with the console's edits kept before V12 applied over it, validated and stored as
 * version 1. The version row is locked throughout, so of several instances starting together one loads the file and
 * the others read what it stored.
 */
public final class DirectoryLoader {

    private static final Logger LOG = Logger.getLogger(DirectoryLoader.class);
    static final String FIRST_START = "first start";

    /** The directory as stored (URLs unresolved), its version, and whether this start loaded it from the file. */
    public record Loaded(long version, List<Agency> agencies, boolean fromFile, String location) {
    }

    private final Transactions transactions;
    private final DirectoryStore store;
    private final Optional<String> location;
    private final Set<String> transports;
    private final Clock clock;

    public DirectoryLoader(Transactions transactions, DirectoryStore store, Optional<String> location,
            Set<String> transports, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.location = location;
        this.transports = transports;
        this.clock = clock;
    }

    public Loaded load() {
        return transactions.inTransaction(c -> {
            long version = store.lockVersion(c);
            if (version > 0) {
                return new Loaded(version, store.all(c), false, null);
            }
            String file = location.orElseThrow(() -> new IllegalStateException("the directory table is empty and"
                    + " hub.directory.location (HUB_DIRECTORY_LOCATION) is not set: give the file to load on first"
                    + " start"));
            List<Agency> agencies = fromFile(file, store.legacyEdits(c));
            Instant now = clock.instant();
            store.put(c, agencies, FIRST_START, now);
            store.forgetLegacyEdits(c);
            return new Loaded(store.bump(c, FIRST_START, now), agencies, true, file);
        });
    }

    private List<Agency> fromFile(String file, List<DirectoryStore.LegacyEdit> edits) {
        DirectoryFile.Parsed parsed;
        try {
            parsed = DirectoryFile.read(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the directory from " + file + ": " + e.getMessage(), e);
        }
        Map<String, Agency> byId = new LinkedHashMap<>();
        parsed.agencies().forEach(a -> byId.putIfAbsent(a.id(), a));
        int applied = 0;
        for (DirectoryStore.LegacyEdit edit : edits) {
            Agency agency = byId.get(edit.agencyId());
            if (agency == null) {
                LOG.warnf("directory edit for %s (kept before V12) dropped: the directory file does not have it",
                        edit.agencyId());
            } else {
                byId.put(agency.id(), edit.applyTo(agency));
                applied++;
            }
        }
        if (applied > 0) {
            LOG.infof("directory: %d edit(s) made in the console before V12 applied over the file", applied);
        }
        List<Agency> agencies = new ArrayList<>(parsed.agencies().stream().map(a -> byId.get(a.id())).toList());
        List<Violation> violations = new ArrayList<>(parsed.violations());
        if (violations.isEmpty()) {
            violations.addAll(DirectoryRules.violations(agencies, transports));
        }
        if (!violations.isEmpty()) {
            throw new IllegalStateException("cannot load the directory from " + file + ": " + violations.size()
                    + " violation(s): " + violations.stream().limit(20)
                            .map(v -> v.pointer() + " " + v.rule() + " (" + v.message() + ")").toList());
        }
        return agencies;
    }
}

package wales.safeguarding.hub.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.secrets.UnusableSecretException;
import wales.safeguarding.hub.secrets.SecretFolder;
import wales.safeguarding.hub.secrets.SecretVersions;
import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.OutboundAdapter;

/**
 * The secrets an adapter needs for one agency. First from the folder {@code hub.agencies.secrets-dir} (a mounted
 * Kubernetes Secret: a file {@code <agency id>.<name>} per secret, {@link SecretFolder}); for a secret with no file
 * there, from configuration {@code hub.agencies.<agency id>.<name>} (the environment, the demo and the tests).
 *
 * <p>During a rotation overlap the map also holds the replaced value under {@code <name>.previous}
 * ({@link AgencyEndpoint#PREVIOUS}), so an adapter can accept or sign with both. The old value comes from the same
 * place as the new one: {@code <agency id>.<name>.previous} and {@code .previous-until} as files, or
 * {@code hub.agencies.<agency id>.<name>.previous} and {@code .previous-until} in configuration. Without
 * {@code previous-until} the old value is valid for {@code hub.agencies.secret-overlap} (P7D) after the new one
 * appeared: the file's modification time, or for configuration the hub's first use of it. Never logged.
 */
@ApplicationScoped
public class AgencySecrets {

    private static final Logger LOG = Logger.getLogger(AgencySecrets.class);
    private static final String PREFIX = "hub.agencies.";

    private final Function<String, Optional<String>> config;
    private final Optional<SecretFolder> folder;
    private final Duration overlap;
    private final Clock clock;
    // When the hub first used each configured current value: the start of its overlap when no previous-until is set.
    private final ConcurrentMap<String, Seen> configuredSince = new ConcurrentHashMap<>();

    @Inject
    public AgencySecrets(Config config,
            @ConfigProperty(name = "hub.agencies.secrets-dir") Optional<String> secretsDir,
            @ConfigProperty(name = "hub.agencies.secret-overlap", defaultValue = "P7D") Duration overlap,
            @ConfigProperty(name = "hub.agencies.secrets-check-interval", defaultValue = "PT5S") Duration checkInterval,
            Clock clock) {
        this(key -> config.getOptionalValue(key, String.class), secretsDir.filter(d -> !d.isBlank())
                .map(d -> new SecretFolder(folder(d), overlap, checkInterval, clock, System::nanoTime)), overlap, clock);
    }

    /** Plain construction (tests): {@code config} looks up a configuration key. */
    public AgencySecrets(Function<String, Optional<String>> config, Optional<SecretFolder> folder, Duration overlap,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Path folder(String dir) {
        Path path = Path.of(dir).toAbsolutePath();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("hub.agencies.secrets-dir names " + path + ", which is not a folder");
        }
        return path;
    }

    /** Checks the folder at start-up (the constructor fails fast) rather than at the first delivery. */
    void atStart(@Observes StartupEvent start) {
        folder.ifPresentOrElse(
                f -> LOG.infof("per-agency secrets: files in %s, then hub.agencies.<id>.<name>; rotation overlap %s",
                        f.folder(), overlap),
                () -> LOG.infof("per-agency secrets: hub.agencies.<id>.<name> (no hub.agencies.secrets-dir); "
                        + "rotation overlap %s", overlap));
    }

    /**
     * The agency's secrets of these names that are set, each under its name, and during a rotation overlap the old
     * value under {@code <name>.previous}.
     *
     * @throws UnusableSecretException when a secret file exists but cannot be used (named in the message)
     */
    public Map<String, String> of(String agencyId, Set<String> names) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String name : names) {
            versions(agencyId, name).ifPresent(versions -> {
                secrets.put(name, versions.current());
                if (versions.previous() != null) {
                    secrets.put(name + AgencyEndpoint.PREVIOUS, versions.previous());
                }
            });
        }
        return secrets;
    }

    /**
     * What {@code adapter} is told of {@code agency}: its id, URL, transport, the secrets the adapter asked for, its
     * language and ODS code. Delivery and intake's check ({@code intake.Deliverability}) both use this one.
     *
     * @throws UnusableSecretException when a secret file exists but cannot be used
     */
    public AgencyEndpoint endpointFor(Agency agency, OutboundAdapter adapter) {
        return new AgencyEndpoint(agency.id(), agency.endpoint().url(), agency.endpoint().transport(),
                of(agency.id(), adapter.secretNames()), agency.language(), agency.odsCode());
    }

    /** One secret of one agency: from its file when there is one, else from configuration; empty when neither. */
    public Optional<SecretVersions> versions(String agencyId, String name) {
        String key = agencyId + "." + name;
        if (folder.isPresent() && SecretFolder.isKey(key)) {
            Optional<SecretVersions> fromFile = folder.get().read(key);
            if (fromFile.isPresent()) {
                return fromFile;
            }
        }
        return configured(key);
    }

    private Optional<SecretVersions> configured(String key) {
        Optional<String> current = config.apply(PREFIX + key).filter(value -> !value.isBlank());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        String previous = config.apply(PREFIX + key + SecretFolder.PREVIOUS).filter(v -> !v.isBlank()).orElse(null);
        if (previous == null) {
            return Optional.of(new SecretVersions(current.get(), null));
        }
        Instant now = clock.instant();
        Seen seen = configuredSince.compute(key, (k, old) -> old != null && old.value.equals(current.get()) ? old
                : new Seen(current.get(), now));
        Instant until = config.apply(PREFIX + key + SecretFolder.PREVIOUS_UNTIL).filter(v -> !v.isBlank())
                .map(text -> until(key, text)).orElse(null);
        return Optional.of(SecretVersions.of(current.get(), previous, until, seen.since, overlap, now));
    }

    private static Instant until(String key, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UnusableSecretException(PREFIX + key + SecretFolder.PREVIOUS_UNTIL
                    + " must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
        }
    }

    @Override
    public String toString() {
        return "AgencySecrets[" + folder.map(SecretFolder::toString).orElse("configuration only") + "]";
    }

    private record Seen(String value, Instant since) {
        @Override
        public String toString() {
            return "Seen[since=" + since + "]";
        }
    }
}

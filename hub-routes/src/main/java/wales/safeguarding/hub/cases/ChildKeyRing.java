package wales.safeguarding.hub.cases;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import wales.safeguarding.hub.rules.ChildFingerprints;
import wales.safeguarding.hub.secrets.SecretFolder;
import wales.safeguarding.hub.secrets.UnusableSecretException;

/**
 * The keys of the children's fingerprints ({@link ChildFingerprints}), built at start from {@code hub.child-keys.*}:
 * {@code hub.child-keys.current-key} names the key new fingerprints are made with, {@code hub.child-keys.previous-keys}
 * the keys still recognised (comma-separated ids). Each key {@code <id>} is the file {@code child-key.<id>} in the
 * secret folder {@code hub.child-keys.keys-dir} when that is set (a mounted Secret), else the configuration value
 * {@code hub.child-keys.key.<id>} (the environment: {@code HUB_CHILD_KEYS_KEY_<ID>}). No default in production: the hub
 * does not start without the current key. Read once at start (a rotation is a rolling restart); never logged.
 */
@Singleton
@Startup
public class ChildKeyRing {

    private static final Logger LOG = Logger.getLogger(ChildKeyRing.class);
    /** The file name prefix of a child key in the secret folder. */
    public static final String FILE_PREFIX = "child-key.";
    /** The configuration name prefix of a child key (without a folder). */
    public static final String PROPERTY_PREFIX = "hub.child-keys.key.";

    private final ChildFingerprints fingerprints;

    @Inject
    public ChildKeyRing(@ConfigProperty(name = "hub.child-keys.current-key") Optional<String> currentKey,
            @ConfigProperty(name = "hub.child-keys.previous-keys") Optional<String> previousKeys,
            @ConfigProperty(name = "hub.child-keys.keys-dir") Optional<String> keysDir, Config config, Clock clock) {
        this(fingerprints(currentKey, previousKeys, keysDir.filter(d -> !d.isBlank())
                .map(d -> fromFolder(Path.of(d), clock))
                .orElse(id -> config.getOptionalValue(PROPERTY_PREFIX + id, String.class))));
    }

    public ChildKeyRing(ChildFingerprints fingerprints) {
        this.fingerprints = fingerprints;
        LOG.infof("child fingerprints: keyed, new ones under key %s, %d keys recognised", fingerprints.currentId(),
                fingerprints.ids().size());
    }

    /** The children's fingerprints as the rules take them. */
    @Produces
    @Singleton
    public ChildFingerprints fingerprints() {
        return fingerprints;
    }

    /**
     * The fingerprints as configured, or why the hub cannot start. {@code secrets} finds the key of an id.
     *
     * @throws IllegalStateException when the current key is not named or not there, or a key is unusable
     */
    static ChildFingerprints fingerprints(Optional<String> currentKey, Optional<String> previousKeys,
            Function<String, Optional<String>> secrets) {
        String current = currentKey.map(String::strip).filter(k -> !k.isEmpty()).orElseThrow(() ->
                new IllegalStateException("children named without a childReference are fingerprinted with a key of "
                        + "the hub's own: set hub.child-keys.current-key (HUB_CHILD_KEYS_CURRENT_KEY) to its id and "
                        + "the key itself, 32 or more random characters, as hub.child-keys.key.<id> "
                        + "(HUB_CHILD_KEYS_KEY_<ID>) or the file " + FILE_PREFIX + "<id> in hub.child-keys.keys-dir "
                        + "(HUB_CHILD_KEYS_DIR)"));
        List<String> previous = previousKeys.map(p -> Arrays.stream(p.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty() && !id.equals(current)).distinct().toList()).orElse(List.of());
        Map<String, String> keys = new LinkedHashMap<>();
        for (String id : concat(current, previous)) {
            if (!ChildFingerprints.isId(id)) {
                throw new IllegalStateException("a child key id is 1 to 32 letters, digits, '-' or '_', not '" + id
                        + "' (hub.child-keys.current-key, hub.child-keys.previous-keys)");
            }
            Optional<String> key;
            try {
                key = secrets.apply(id).filter(k -> !k.isBlank());
            } catch (UnusableSecretException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            if (key.isEmpty()) {
                throw new IllegalStateException("the child key " + id + " is not there: set " + PROPERTY_PREFIX + id
                        + " or put the file " + FILE_PREFIX + id + " in hub.child-keys.keys-dir");
            }
            keys.put(id, key.get());
        }
        try {
            return ChildFingerprints.of(current, keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<String> concat(String current, List<String> previous) {
        List<String> all = new java.util.ArrayList<>();
        all.add(current);
        all.addAll(previous);
        return all;
    }

    private static Function<String, Optional<String>> fromFolder(Path folder, Clock clock) {
        SecretFolder secrets = new SecretFolder(folder, Duration.ZERO, Duration.ZERO, clock, System::nanoTime);
        return id -> secrets.read(FILE_PREFIX + id).map(v -> v.current().strip());
    }

    @Override
    public String toString() {
        return "ChildKeyRing[" + fingerprints + "]";
    }
}

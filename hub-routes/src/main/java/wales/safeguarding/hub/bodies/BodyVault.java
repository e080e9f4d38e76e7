package wales.safeguarding.hub.bodies;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.config.DemoSwitches;
import wales.safeguarding.hub.secrets.SecretFolder;

/**
 * The hub's {@link BodyCipher}, built at start from {@code hub.bodies.*}: the keys from the secret folder
 * {@code hub.bodies.keys-dir}, or on the demo and test profiles only a fixed key ({@code hub.bodies.fixed-key}, id
 * {@value #FIXED_ID}). Without either the hub does not start: there is no default key.
 */
@Singleton
@Startup
public class BodyVault {

    private static final Logger LOG = Logger.getLogger(BodyVault.class);
    public static final String FIXED_ID = "fixed";

    private final BodyCipher cipher;

    @Inject
    public BodyVault(@ConfigProperty(name = "hub.bodies.keys-dir") Optional<String> keysDir,
            @ConfigProperty(name = "hub.bodies.current-key") Optional<String> currentKey,
            @ConfigProperty(name = "hub.bodies.fixed-key") Optional<String> fixedKey,
            @ConfigProperty(name = "hub.bodies.keys-check-interval", defaultValue = "PT1M") Duration checkInterval,
            Clock clock) {
        this(keys(keysDir, currentKey, fixedKey, checkInterval, clock, ConfigUtils.getProfiles()));
    }

    public BodyVault(BodyKeys keys) {
        this.cipher = new BodyCipher(keys, new SecureRandom());
        LOG.infof("message bodies are encrypted at rest; new bodies under key %s", keys.currentId());
    }

    public BodyCipher cipher() {
        return cipher;
    }

    /** The keys as configured on these profiles, or why the hub cannot start. */
    static BodyKeys keys(Optional<String> keysDir, Optional<String> currentKey, Optional<String> fixedKey,
            Duration checkInterval, Clock clock, List<String> profiles) {
        Optional<String> dir = keysDir.filter(d -> !d.isBlank());
        if (dir.isPresent()) {
            SecretFolder folder = new SecretFolder(Path.of(dir.get()), Duration.ZERO, checkInterval, clock,
                    System::nanoTime);
            return KeyRing.fromFolder(folder, currentKey.map(String::strip).orElse(null));
        }
        Optional<String> fixed = fixedKey.filter(k -> !k.isBlank());
        if (fixed.isPresent()) {
            DemoSwitches.refusal("hub.bodies.fixed-key", profiles).ifPresent(refusal -> {
                throw new IllegalStateException(refusal);
            });
            LOG.warn("FIXED BODY KEY (hub.bodies.fixed-key): message bodies are encrypted under a key from the "
                    + "configuration; demo and tests only");
            return KeyRing.of(FIXED_ID, Map.of(FIXED_ID, KeyRing.parse(fixed.get(), "hub.bodies.fixed-key")));
        }
        throw new IllegalStateException("message bodies are encrypted at rest and no key is configured: set "
                + "hub.bodies.keys-dir (HUB_BODIES_KEYS_DIR, the folder with body-key.<id> files) and "
                + "hub.bodies.current-key (HUB_BODIES_CURRENT_KEY)");
    }
}

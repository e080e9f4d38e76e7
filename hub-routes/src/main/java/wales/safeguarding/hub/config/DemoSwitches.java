package wales.safeguarding.hub.config;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's and the tests' conveniences (tokens the hub mints itself, the dev identity provider with one shared
 * password) replace how the hub trusts its callers, so they run only on a demo, dev or test profile, as
 * {@code hub.clock.offset} needs its own allowance: on any other profile (production) the hub refuses to start.
 */
public final class DemoSwitches {

    /** The profiles on which a demo switch may be on. */
    static final Set<String> ALLOWED_PROFILES = Set.of("demo", "dev", "test");

    private DemoSwitches() {
    }

    /** Why {@code switchName} may not be on with these active profiles; empty when it may. */
    public static Optional<String> refusal(String switchName, Collection<String> activeProfiles) {
        if (activeProfiles.stream().anyMatch(ALLOWED_PROFILES::contains)) {
            return Optional.empty();
        }
        return Optional.of(switchName + " is for the demo and tests only: it replaces how the hub trusts its callers, "
                + "and is refused on profile " + String.join(",", activeProfiles)
                + " (it runs only with quarkus.profile demo, dev or test)");
    }

    /** The profiles the process was started with, read before Quarkus reads its configuration (default prod). */
    public static List<String> launchProfiles() {
        String profiles = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        return Arrays.stream(profiles.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }
}

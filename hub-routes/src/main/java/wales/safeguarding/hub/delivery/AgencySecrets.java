package wales.safeguarding.hub.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

/**
 * The secrets an adapter needs for one agency, from configuration: {@code hub.agencies.<agency id>.<name>} (in
 * production the environment, e.g. {@code HUB_AGENCIES_SCHOOL_6699001_WEBHOOK_SECRET}). Never logged.
 */
@ApplicationScoped
public class AgencySecrets {

    private final Config config;

    public AgencySecrets(Config config) {
        this.config = config;
    }

    public Map<String, String> of(String agencyId, Set<String> names) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String name : names) {
            config.getOptionalValue("hub.agencies." + agencyId + "." + name, String.class)
                    .ifPresent(value -> secrets.put(name, value));
        }
        return secrets;
    }
}

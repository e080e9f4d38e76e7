package wales.safeguarding.hub.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.config.Locations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Loads the directory once at start-up from {@code hub.directory.location}: {@code classpath:...} or a file path.
 * An endpoint URL that starts with {@code /} is taken relative to {@code hub.directory.base-url}, so the demo
 * directory can point at the hub's own demo inboxes whatever port it runs on.
 */
@ApplicationScoped
public class DirectoryProducer {

    private static final Logger LOG = Logger.getLogger(DirectoryProducer.class);

    @Produces
    @ApplicationScoped
    Directory directory(@ConfigProperty(name = "hub.directory.location") String location,
            @ConfigProperty(name = "hub.directory.base-url") String baseUrl) {
        try (InputStream in = Locations.open(location)) {
            JsonNode root = CanonicalJson.mapper().readTree(in);
            List<Agency> agencies = CanonicalJson.mapper().convertValue(root.path("agencies"), new TypeReference<>() { });
            Directory directory = new Directory(agencies.stream().map(a -> withBaseUrl(a, baseUrl)).toList());
            LOG.infof("directory loaded from %s: %d agencies, %d with an endpoint", location, directory.all().size(),
                    directory.receivers().size());
            return directory;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot load the directory from " + location + ": " + e.getMessage(), e);
        }
    }

    private static Agency withBaseUrl(Agency agency, String baseUrl) {
        if (!agency.receives() || agency.pulls() || !agency.endpoint().url().startsWith("/")) {
            return agency;
        }
        return agency.withEndpoint(new Agency.Endpoint(baseUrl + agency.endpoint().url(), agency.endpoint().transport()));
    }
}

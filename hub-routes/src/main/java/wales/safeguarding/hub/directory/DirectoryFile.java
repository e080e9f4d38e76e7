package wales.safeguarding.hub.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.hub.config.Locations;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The directory's file layout, {@code {"agencies": [...]}}: what the first start loads and an import reads. Each
 * agency is read on its own, so one that cannot be read is named by its place.
 */
public final class DirectoryFile {

    /** The agencies read, or why not. */
    public record Parsed(List<Agency> agencies, List<Violation> violations) {
    }

    private DirectoryFile() {
    }

    public static Parsed parse(JsonNode root) {
        JsonNode list = root == null ? null : root.get("agencies");
        if (list == null || !list.isArray()) {
            return new Parsed(List.of(), List.of(new Violation("/agencies", "required", "a list of agencies")));
        }
        List<Agency> agencies = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            try {
                agencies.add(CanonicalJson.mapper().treeToValue(node, Agency.class));
            } catch (IOException | IllegalArgumentException e) {
                violations.add(new Violation("/agencies/" + i, "agency", "agency '" + node.path("id").asText("?")
                        + "' cannot be read: " + firstLine(e.getMessage())));
            }
        }
        return new Parsed(agencies, violations);
    }

    /** Reads and parses the file at {@code location} ({@code classpath:...} or a path). */
    public static Parsed read(String location) throws IOException {
        try (InputStream in = Locations.open(location)) {
            return parse(CanonicalJson.mapper().readTree(in));
        }
    }

    /**
     * Makes an endpoint URL that starts with {@code /} absolute against {@code baseUrl}: the demo directory points at
     * the hub's own inboxes whatever port it runs on. The stored directory keeps the URL as given.
     */
    public static UnaryOperator<Agency> resolvingAgainst(String baseUrl) {
        return agency -> {
            if (!agency.receives() || agency.pulls() || !agency.endpoint().url().startsWith("/")) {
                return agency;
            }
            return agency.withEndpoint(new Agency.Endpoint(baseUrl + agency.endpoint().url(),
                    agency.endpoint().transport()));
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

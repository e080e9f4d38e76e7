package wales.safeguarding.hub.refusals;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which requests are agency API calls whose refusals are counted, and their path as a template: only the literal
 * words of the API survive, every other segment (a message id, a case reference, a FHIR id) becomes {@code {id}}, so
 * a log line or a counter never carries an identifier.
 */
public final class RefusalPaths {

    /** The agency API: where agency systems call the hub with their client credentials. */
    private static final List<String> AGENCY_PREFIXES = List.of("/api/v1/messages", "/api/v1/cases", "/api/v1/police",
            "/api/v1/inbox", "/api/v1/gp", "/fhir", "/api/v1/register-enquiries");

    private static final Set<String> WORDS = Set.of("api", "v1", "messages", "cases", "timeline", "police", "notices",
            "inbox", "acknowledge", "gp", "reports", "acknowledgements", "fhir", "Task", "$process-message", "metadata",
            "Bundle", "DocumentReference", "register-enquiries");

    private RefusalPaths() {
    }

    /** The template of {@code path}, or empty when it is not an agency API path (the console, health, the UI). */
    public static Optional<String> template(String path) {
        if (path == null || AGENCY_PREFIXES.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            return Optional.empty();
        }
        StringBuilder template = new StringBuilder();
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            String word = segment.equals("%24process-message") ? "$process-message" : segment;
            template.append('/').append(WORDS.contains(word) ? word : "{id}");
        }
        return Optional.of(template.toString());
    }
}

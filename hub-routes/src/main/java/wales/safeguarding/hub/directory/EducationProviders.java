package wales.safeguarding.hub.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.schemas.validation.Violation;

/**
 * The education providers a message names for a child ({@code otherProvision}, an array of {@code {"agencyId": ...}}
 * on the child of every child protection body): each must be a pupil referral unit, an EOTAS provider, a youth
 * justice or a youth support service of the directory with an endpoint, as the hub will route to it like the child's
 * school; anything else is refused at intake (rule {@code education-provider}), never found undeliverable later.
 * Plain logic over the body tree, whatever the message type.
 */
public final class EducationProviders {

    /** The field of a child naming their other education providers. */
    public static final String FIELD = "otherProvision";
    public static final String RULE = "education-provider";

    private EducationProviders() {
    }

    /** Every {@code otherProvision} entry of {@code body} that is not a deliverable education provider. */
    public static List<Violation> violations(JsonNode body, Function<String, Optional<Agency>> find) {
        List<Violation> found = new ArrayList<>();
        walk(body, "/body", find, found);
        return found;
    }

    private static void walk(JsonNode node, String at, Function<String, Optional<Agency>> find,
            List<Violation> found) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, find, found);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String pointer = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            if (FIELD.equals(field.getKey()) && field.getValue().isArray()) {
                check(field.getValue(), pointer, find, found);
            } else {
                walk(field.getValue(), pointer, find, found);
            }
        }
    }

    private static void check(JsonNode providers, String at, Function<String, Optional<Agency>> find,
            List<Violation> found) {
        for (int i = 0; i < providers.size(); i++) {
            String id = providers.get(i).path("agencyId").asText(null);
            String pointer = at + "/" + i + "/agencyId";
            Optional<Agency> agency = id == null ? Optional.empty() : find.apply(id);
            if (agency.isEmpty()) {
                found.add(new Violation(pointer, RULE, "agency '" + id + "' is not in the directory: "
                        + FIELD + " names pupil referral units, EOTAS providers, youth justice and youth support "
                        + "services by their directory id"));
            } else if (agency.get().kind() == null || !agency.get().kind().educationProvider()) {
                found.add(new Violation(pointer, RULE, "agency '" + id + "' is a "
                        + (agency.get().kind() == null ? "agency of no kind" : agency.get().kind().wireName())
                        + ", not a pupil referral unit, EOTAS provider, youth justice or youth support service"
                        + " (a school is named in school)"));
            } else if (!agency.get().receives()) {
                found.add(new Violation(pointer, RULE, "agency '" + id + "' has no endpoint to deliver to"));
            }
        }
    }

    /** The ids of {@code providers} the directory knows as education providers, in order (for routing). */
    public static List<String> known(List<String> providers, Function<String, Optional<Agency>> find) {
        return providers == null ? List.of() : providers.stream().map(find).flatMap(Optional::stream)
                .filter(a -> a.kind() != null && a.kind().educationProvider()).map(Agency::id).distinct().toList();
    }
}

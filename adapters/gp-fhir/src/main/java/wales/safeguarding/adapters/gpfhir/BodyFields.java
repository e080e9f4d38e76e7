package wales.safeguarding.adapters.gpfhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The fields of a message body, read from its contract ({@code schemas/body/<type>.schema.json} in the schemas jar):
 * what the hub's questionnaire for the message asks ({@link Questionnaires}) and how a practice's answers become the
 * canonical body ({@link GpPracticeMessages}). One walk of the schema serves both, so the two cannot disagree with the
 * contract: a field added to the schema is asked and mapped without a change here.
 *
 * <p>A child ({@code $defs/child} or {@code $defs/childRef}) is not asked field by field: the answer is a reference
 * to a {@code Patient} in the Bundle. An {@code agencyId} is never asked: it is the agency the caller authenticated
 * as.
 */
final class BodyFields {

    enum Kind { STRING, DATE, DATE_TIME, BOOLEAN, INTEGER, CODE, GROUP, CHILD }

    /**
     * @param name     the JSON property
     * @param linkId   the questionnaire item's linkId: the property names from the body down, joined by dots
     * @param agencyId for a group: the contract's {@code agencyId} there, set by the hub to the caller's agency
     */
    record Field(String name, String linkId, Kind kind, boolean repeats, boolean required, List<String> codes,
            List<Field> fields, String description, boolean agencyId) {
    }

    private static final String SCHEMA_ROOT = "schemas/body/";
    private static final Set<String> CHILD_DEFINITIONS = Set.of("#/$defs/child", "#/$defs/childRef");
    private static final String AGENCY_ID = "agencyId";
    private static final Map<MessageType, List<Field>> CACHE = new EnumMap<>(MessageType.class);

    private BodyFields() {
    }

    static synchronized List<Field> of(MessageType type) {
        return CACHE.computeIfAbsent(type, t -> {
            JsonNode schema = read(t);
            return fields(schema, schema, "", new HashSet<>());
        });
    }

    private static List<Field> fields(JsonNode root, JsonNode object, String prefix, Set<String> visiting) {
        Set<String> required = new HashSet<>();
        object.path("required").forEach(r -> required.add(r.asText()));
        List<Field> fields = new ArrayList<>();
        var names = object.path("properties").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equals(AGENCY_ID)) {
                continue;
            }
            JsonNode property = object.path("properties").path(name);
            String linkId = prefix.isEmpty() ? name : prefix + "." + name;
            boolean repeats = "array".equals(property.path("type").asText());
            JsonNode item = repeats ? property.path("items") : property;
            String description = property.path("description").asText(item.path("description").asText(name));
            fields.add(field(root, item, name, linkId, repeats, required.contains(name), description, visiting));
        }
        return List.copyOf(fields);
    }

    private static Field field(JsonNode root, JsonNode schema, String name, String linkId, boolean repeats,
            boolean required, String description, Set<String> visiting) {
        String ref = schema.path("$ref").asText(null);
        if (ref != null && CHILD_DEFINITIONS.contains(ref)) {
            // not asked field by field; the mapper reads what the definition holds from the Patient
            return new Field(name, linkId, Kind.CHILD, repeats, required, List.of(),
                    fields(root, resolve(root, ref), linkId, visiting), description, false);
        }
        JsonNode resolved = ref == null ? schema : resolve(root, ref);
        if (resolved.has("enum")) {
            List<String> codes = new ArrayList<>();
            resolved.path("enum").forEach(c -> codes.add(c.asText()));
            return new Field(name, linkId, Kind.CODE, repeats, required, List.copyOf(codes), List.of(), description, false);
        }
        if (resolved.has("properties")) {
            if (ref != null && !visiting.add(ref + "@" + linkId)) {
                throw new IllegalStateException("recursive schema at " + linkId);
            }
            boolean agencyId = resolved.path("properties").has(AGENCY_ID);
            return new Field(name, linkId, Kind.GROUP, repeats, required, List.of(),
                    fields(root, resolved, linkId, visiting), description, agencyId);
        }
        String type = resolved.path("type").asText("string");
        String format = resolved.path("format").asText("");
        Kind kind = switch (type) {
            case "boolean" -> Kind.BOOLEAN;
            case "integer", "number" -> Kind.INTEGER;
            default -> format.equals("date") ? Kind.DATE : format.equals("date-time") ? Kind.DATE_TIME : Kind.STRING;
        };
        return new Field(name, linkId, kind, repeats, required, List.of(), List.of(), description, false);
    }

    private static JsonNode resolve(JsonNode root, String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("only local references are read: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("unresolved reference " + ref);
        }
        return target;
    }

    private static JsonNode read(MessageType type) {
        String resource = SCHEMA_ROOT + type.wireName() + ".schema.json";
        try (InputStream in = BodyFields.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema not on the classpath: " + resource);
            }
            return CanonicalJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }
}

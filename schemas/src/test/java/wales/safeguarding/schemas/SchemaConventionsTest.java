package wales.safeguarding.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The conventions every schema of the contract follows (README): draft 2020-12 with an {@code $id}
 * ending in the contract version, a description on every property, no unknown properties, bounded
 * strings, and one definition for a shape that several body schemas share.
 */
class SchemaConventionsTest {

    private static final Set<String> BOUNDED_FORMATS = Set.of("date", "date-time", "uuid");
    /** The message type is bounded by the validator: a value that is not a known type is unknown-message-type. */
    private static final Set<String> BOUNDED_BY_THE_VALIDATOR = Set.of("envelope.schema.json#/properties/type");
    /** Subschemas of if/then/else only restate properties: their description is on the allOf entry. */
    private static final Set<String> CONDITIONS = Set.of("if", "then", "else");

    static Stream<Arguments> schemas() {
        List<Arguments> schemas = new ArrayList<>();
        schemas.add(Arguments.of("envelope.schema.json", "https://schemas.safeguarding.wales/hub/envelope/1.0"));
        for (MessageType type : MessageType.values()) {
            schemas.add(Arguments.of("body/" + type.wireName() + ".schema.json",
                    "https://schemas.safeguarding.wales/hub/body/" + type.wireName() + "/1.0"));
        }
        return schemas.stream();
    }

    private static JsonNode schema(String name) {
        return Examples.tree("schemas/" + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void should_be_draft_2020_12_with_an_id_for_contract_version_1_0(String name, String id) {
        JsonNode schema = schema(name);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(id);
        assertThat(schema.path("description").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void should_describe_every_property_forbid_unknown_ones_and_bound_every_string(String name, String id) {
        List<String> problems = new ArrayList<>();
        check(schema(name), "", problems);
        problems.removeIf(problem -> BOUNDED_BY_THE_VALIDATOR.stream()
                .anyMatch(exempt -> (name + "#" + problem).startsWith(exempt + ":")));

        assertThat(problems).isEmpty();
    }

    @Test
    void should_define_a_shape_shared_by_several_body_schemas_identically_in_each() {
        Map<String, JsonNode> first = new HashMap<>();
        Map<String, String> firstIn = new HashMap<>();
        for (MessageType type : MessageType.values()) {
            String name = "body/" + type.wireName() + ".schema.json";
            schema(name).path("$defs").fields().forEachRemaining(def -> {
                JsonNode earlier = first.putIfAbsent(def.getKey(), def.getValue());
                firstIn.putIfAbsent(def.getKey(), name);
                if (earlier != null) {
                    assertThat(def.getValue()).as("$defs/%s in %s and in %s", def.getKey(), name, firstIn.get(def.getKey()))
                            .isEqualTo(earlier);
                }
            });
        }
        assertThat(first).containsKeys("childRef", "meeting", "invitee", "documentContent", "school", "gpPractice");
    }

    private static void check(JsonNode node, String at, List<String> problems) {
        if (!node.isObject()) {
            node.forEach(child -> check(child, at, problems));
            return;
        }
        JsonNode properties = node.get("properties");
        if (properties != null && properties.isObject()) {
            if (!node.path("additionalProperties").isBoolean() || node.get("additionalProperties").asBoolean()) {
                problems.add(at + ": additionalProperties is not false");
            }
            properties.fields().forEachRemaining(p -> {
                if (!p.getValue().path("description").isTextual()) {
                    problems.add(at + "/properties/" + p.getKey() + ": no description");
                }
            });
        }
        if ("string".equals(node.path("type").asText()) && !bounded(node)) {
            problems.add(at + ": a string without maxLength, a bounded format or an anchored pattern");
        }
        node.fields().forEachRemaining(field -> {
            if (!CONDITIONS.contains(field.getKey())) {
                check(field.getValue(), at + "/" + field.getKey(), problems);
            }
        });
    }

    private static boolean bounded(JsonNode string) {
        // an anchored pattern with no * or + outside its character classes has a longest match
        String pattern = string.path("pattern").asText("");
        String outsideClasses = pattern.replaceAll("\\[[^\\]]*\\]", "");
        return string.has("maxLength")
                || BOUNDED_FORMATS.contains(string.path("format").asText())
                || (pattern.startsWith("^") && pattern.endsWith("$")
                        && !outsideClasses.contains("*") && !outsideClasses.contains("+"));
    }
}

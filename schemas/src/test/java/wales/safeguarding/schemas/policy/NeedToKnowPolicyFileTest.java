package wales.safeguarding.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.envelope.MessageType;

/** policy/need-to-know.json itself: complete, and every pointer names a field the schema has. */
class NeedToKnowPolicyFileTest {

    private static final JsonNode FILE = Examples.tree(NeedToKnowPolicy.RESOURCE);

    private static JsonNode entry(MessageType type) {
        return FILE.path("messageTypes").path(type.wireName());
    }

    private static JsonNode bodySchema(MessageType type) {
        return Examples.tree("schemas/body/" + type.wireName() + ".schema.json");
    }

    @Test
    void should_cover_every_message_type_and_no_other() {
        List<String> types = new ArrayList<>();
        FILE.path("messageTypes").fieldNames().forEachRemaining(types::add);

        assertThat(types).containsExactlyInAnyOrderElementsOf(
                Stream.of(MessageType.values()).map(MessageType::wireName).toList());
        assertThat(FILE.path("description").asText()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void should_say_what_every_recipient_kind_receives_and_why(MessageType type) {
        List<String> kinds = new ArrayList<>();
        entry(type).path("receives").fieldNames().forEachRemaining(kinds::add);

        assertThat(kinds).containsExactlyInAnyOrderElementsOf(NeedToKnowPolicy.RECIPIENT_KINDS);
        assertThat(entry(type).path("rationale").asText()).as("rationale of %s", type).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void should_give_the_council_the_whole_body(MessageType type) {
        JsonNode council = entry(type).path("receives").path("council");

        assertThat(council.isArray()).isTrue();
        assertThat(council).extracting(JsonNode::asText).containsExactly("");
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void should_name_only_fields_the_body_schema_defines(MessageType type) {
        JsonNode schema = bodySchema(type);
        // each kind's list, and each role's list where the type has roles
        for (String lists : List.of("receives", "roles")) {
            entry(type).path(lists).fields().forEachRemaining(kind -> kind.getValue().forEach(pointer ->
                    assertThat(defines(schema, pointer.asText()))
                            .as("%s / %s: %s is in the body schema", type, kind.getKey(), pointer.asText())
                            .isTrue()));
        }
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void should_not_list_a_part_inside_another_listed_part(MessageType type) {
        entry(type).path("receives").fields().forEachRemaining(kind -> {
            List<String> pointers = new ArrayList<>();
            kind.getValue().forEach(p -> pointers.add(p.asText()));
            for (String outer : pointers) {
                for (String inner : pointers) {
                    assertThat(!outer.equals(inner) && (outer.isEmpty() || inner.startsWith(outer + "/")))
                            .as("%s / %s lists %s inside %s", type, kind.getKey(), inner, outer)
                            .isFalse();
                }
            }
        });
    }

    @Test
    void should_load_the_file_on_the_classpath() {
        assertThat(NeedToKnowPolicy.fromClasspath()).isNotNull();
    }

    /** Whether the pointer ("" or /a/b, with * for every array element) names something the schema defines. */
    private static boolean defines(JsonNode schema, String pointer) {
        if (pointer.isEmpty()) {
            return true;
        }
        JsonNode at = schema;
        for (String token : pointer.substring(1).split("/", -1)) {
            at = resolve(schema, at);
            at = token.equals("*") ? at.path("items") : at.path("properties").path(token);
            if (at.isMissingNode()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode at) {
        while (at.has("$ref")) {
            at = schema.at(at.get("$ref").asText().substring(1));
        }
        return at;
    }
}

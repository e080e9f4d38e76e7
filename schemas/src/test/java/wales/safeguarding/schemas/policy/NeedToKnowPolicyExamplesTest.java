package wales.safeguarding.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.envelope.MessageType;

/** Every message type to every kind of recipient, on the published valid examples. */
class NeedToKnowPolicyExamplesTest {

    private static final String EXPECTED = "policy/expected-withheld.json";

    private final NeedToKnowPolicy policy = NeedToKnowPolicy.fromClasspath();

    static Stream<Arguments> everyTypeToEveryKind() {
        return Stream.of(MessageType.values())
                .flatMap(type -> NeedToKnowPolicy.RECIPIENT_KINDS.stream().map(kind -> Arguments.of(type, kind)));
    }

    private static JsonNode body(MessageType type) {
        return Examples.valid(type).get("body");
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("everyTypeToEveryKind")
    void should_withhold_exactly_the_parts_the_expected_list_names(MessageType type, String kind) {
        JsonNode expected = Examples.tree(EXPECTED).path(type.wireName()).path(kind);
        assertThat(expected.isArray()).as("%s has an expected list for %s in %s", type, kind, EXPECTED).isTrue();
        List<String> pointers = new ArrayList<>();
        expected.forEach(p -> pointers.add(p.asText()));

        assertThat(policy.withheld(type, kind, body(type))).containsExactlyElementsOf(pointers);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("everyTypeToEveryKind")
    void should_deliver_the_body_less_the_withheld_parts_and_nothing_else(MessageType type, String kind) {
        JsonNode body = body(type);
        JsonNode untouched = body.deepCopy();

        JsonNode delivered = policy.bodyFor(type, kind, body);

        assertThat(delivered).isEqualTo(without(body, policy.withheld(type, kind, body)));
        assertThat(body).as("the input body is not changed").isEqualTo(untouched);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("everyTypeToEveryKind")
    void should_deliver_a_copy_that_shares_nothing_with_the_input(MessageType type, String kind) {
        JsonNode body = body(type);
        JsonNode untouched = body.deepCopy();

        clearEveryContainer(policy.bodyFor(type, kind, body));

        assertThat(body).isEqualTo(untouched);
    }

    @Test
    void should_expect_nothing_for_a_type_or_kind_that_does_not_exist() {
        JsonNode expected = Examples.tree(EXPECTED);
        List<String> types = new ArrayList<>();
        expected.fieldNames().forEachRemaining(types::add);
        types.remove("about");

        assertThat(types).containsExactlyInAnyOrderElementsOf(
                Stream.of(MessageType.values()).map(MessageType::wireName).toList());
        types.forEach(type -> {
            List<String> kinds = new ArrayList<>();
            expected.get(type).fieldNames().forEachRemaining(kinds::add);
            assertThat(kinds).as(type).containsExactlyInAnyOrderElementsOf(NeedToKnowPolicy.RECIPIENT_KINDS);
        });
    }

    /** A copy of {@code body} with each pointed-at part removed (last first, so array indexes hold). */
    private static JsonNode without(JsonNode body, Set<String> pointers) {
        JsonNode copy = body.deepCopy();
        List<String> lastFirst = new ArrayList<>(pointers);
        Collections.reverse(lastFirst);
        for (String p : lastFirst) {
            JsonPointer pointer = JsonPointer.compile(p);
            JsonNode parent = copy.at(pointer.head());
            String token = pointer.last().getMatchingProperty();
            if (parent instanceof ObjectNode object) {
                assertThat(object.has(token)).as("withheld %s exists", p).isTrue();
                object.remove(token);
            } else if (parent instanceof ArrayNode array) {
                array.remove(Integer.parseInt(token));
            } else {
                throw new AssertionError("withheld " + p + " points into neither an object nor an array");
            }
        }
        return copy;
    }

    private static void clearEveryContainer(JsonNode node) {
        node.forEach(NeedToKnowPolicyExamplesTest::clearEveryContainer);
        if (node instanceof ObjectNode object) {
            object.removeAll();
        } else if (node instanceof ArrayNode array) {
            array.removeAll();
        }
    }
}

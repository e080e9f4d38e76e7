package wales.safeguarding.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.MessageType;

class HostileCharactersTest {

    private final CanonicalValidator validator = CanonicalValidator.fromClasspath();

    private static ObjectNode dutyToReport() {
        return Examples.valid(MessageType.DUTY_TO_REPORT);
    }

    private static ObjectNode firstChild(ObjectNode message) {
        return (ObjectNode) message.get("body").get("children").get(0);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x01, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F})
    @DisplayName("issue 11 finding 6: a NUL or other C0/C1 control character in a name is refused, naming the field")
    void should_refuse_a_control_character_in_a_childs_name(int character) {
        ObjectNode message = dutyToReport();
        firstChild(message).put("name", "Alys" + (char) character + "Enghraifft");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children/0/name", "no-control-characters"));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
    @DisplayName("issue 11 finding 6: a bidirectional embedding, override or isolate character is refused")
    void should_refuse_a_bidi_override_in_a_childs_name(int character) {
        ObjectNode message = dutyToReport();
        firstChild(message).put("name", "Alys " + (char) character + "tfarhhgne");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children/0/name", "no-bidi-override"));
    }

    @Test
    @DisplayName("issue 11 finding 6: Jackson reads the escape \\ud800 as a lone surrogate char, which is refused")
    void should_refuse_a_lone_surrogate_escape_as_jackson_parses_it() throws Exception {
        ObjectNode message = dutyToReport();
        String json = message.toString().replace("\"Alys Enghraifft\"", "\"Alys \\ud800Enghraifft\"");
        JsonNode parsed = CanonicalJson.mapper().readTree(json);

        String name = parsed.at("/body/children/0/name").textValue();
        assertThat(name).hasSize("Alys Enghraifft".length() + 1);
        assertThat(name.charAt(5)).isEqualTo('\ud800');
        assertThat(validator.validate(parsed)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children/0/name", "no-unpaired-surrogate"));
    }

    @Test
    @DisplayName("issue 11 finding 6: a low surrogate alone, or a high one at the end of the text, is refused")
    void should_refuse_a_low_surrogate_alone_and_a_high_surrogate_at_the_end() {
        ObjectNode message = dutyToReport();
        firstChild(message).put("name", "Alys \udc00Enghraifft");
        ((ObjectNode) message.get("body")).put("description", "left alone \ud83d");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule).containsExactly(
                tuple("/body/children/0/name", "no-unpaired-surrogate"),
                tuple("/body/description", "no-unpaired-surrogate"));
    }

    @Test
    @DisplayName("issue 11 finding 6: tab, line feeds, Welsh letters, right-to-left script and emoji pairs are text")
    void should_accept_free_text_with_line_breaks_welsh_letters_arabic_and_emoji() {
        ObjectNode message = dutyToReport();
        firstChild(message).put("name", "Siân Ŵyn Enghraifft");
        ((ObjectNode) message.get("body")).put("description",
                "First line.\r\nSecond line,\tindented.\nمرحبا \u200F and a face \ud83d\ude00 (a surrogate pair).");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    @DisplayName("issue 11 finding 6: the envelope's strings are checked too, and array items are pointed at")
    void should_point_at_envelope_fields_and_array_items() {
        ObjectNode message = dutyToReport();
        message.put("childReference", "DPP-CHILD\u0000-0001");
        ((ObjectNode) firstChild(message).get("address")).withArray("lines").set(1,
                message.textNode("Caerfyrddin\u2066"));

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule).containsExactly(
                tuple("/body/children/0/address/lines/1", "no-bidi-override"),
                tuple("/childReference", "no-control-characters"));
    }

    @Test
    @DisplayName("issue 11 finding 6: one violation per field, for its first hostile character, never quoting it")
    void should_name_one_rule_per_field_without_quoting_the_value() {
        ObjectNode message = dutyToReport();
        firstChild(message).put("name", "Alys\u202E\u0000\ud800");

        assertThat(validator.validate(message)).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/body/children/0/name");
            assertThat(v.rule()).isEqualTo("no-bidi-override");
            assertThat(v.message()).doesNotContain("Alys");
        });
    }
}

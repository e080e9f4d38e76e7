package wales.safeguarding.hub.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.schemas.envelope.MessageType;

/** The console's own text exists in Welsh and in English, key for key, for every key the page and script use. */
class ConsoleTextsTest {

    private static final String ROOT = "META-INF/resources/console/";

    @Test
    void welsh_and_english_have_the_same_keys_and_no_empty_text() throws IOException {
        JsonNode cy = read("i18n/cy.json");
        JsonNode en = read("i18n/en.json");
        assertThat(keys(cy)).isEqualTo(keys(en));
        cy.fields().forEachRemaining(e -> assertThat(e.getValue().asText()).as(e.getKey()).isNotBlank());
        en.fields().forEachRemaining(e -> assertThat(e.getValue().asText()).as(e.getKey()).isNotBlank());
    }

    @Test
    void welsh_and_english_have_the_same_placeholders_for_every_key() throws IOException {
        JsonNode cy = read("i18n/cy.json");
        JsonNode en = read("i18n/en.json");
        Pattern placeholder = Pattern.compile("\\{(\\w+)\\}");
        en.fieldNames().forEachRemaining(key -> {
            Set<String> english = new TreeSet<>();
            Set<String> welsh = new TreeSet<>();
            collect(en.path(key).asText(), placeholder, english);
            collect(cy.path(key).asText(), placeholder, welsh);
            assertThat(welsh).as("placeholders of %s", key).isEqualTo(english);
        });
    }

    @Test
    void days_and_months_are_seven_and_twelve_names_in_each_language() throws IOException {
        for (String language : new String[] {"cy", "en"}) {
            JsonNode texts = read("i18n/" + language + ".json");
            assertThat(texts.path("date.days").asText().split(",")).as(language).hasSize(7);
            assertThat(texts.path("date.months").asText().split(",")).as(language).hasSize(12);
        }
        assertThat(read("i18n/cy.json").path("date.days").asText()).isEqualTo("Sul,Llun,Maw,Mer,Iau,Gwe,Sad");
    }

    @Test
    void every_message_type_delivery_state_and_clock_has_a_name_in_words() throws IOException {
        Set<String> keys = keys(read("i18n/cy.json"));
        for (MessageType type : MessageType.values()) {
            assertThat(keys).contains("type." + type.wireName());
        }
        for (DeliveryState state : DeliveryState.values()) {
            assertThat(keys).contains("state." + state.wireName());
        }
        Set<String> clocks = new TreeSet<>();
        collect(application(), Pattern.compile("(?m)^hub\\.clocks\\.([a-z-]+)\\."), clocks);
        assertThat(clocks).hasSizeGreaterThan(10);
        clocks.forEach(clock -> assertThat(keys).contains("clock." + clock));
    }

    private static String application() throws IOException {
        try (InputStream in = ConsoleTextsTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void every_key_the_console_uses_is_translated() throws IOException {
        Set<String> used = new TreeSet<>();
        collect(text("index.html"), Pattern.compile("data-i18n=\"([^\"]+)\""), used);
        collect(text("app.js"), Pattern.compile("\\bt\\('([a-zA-Z.]+)'"), used);
        assertThat(used).hasSizeGreaterThan(30);
        assertThat(keys(read("i18n/cy.json"))).containsAll(used);
    }

    private static void collect(String text, Pattern pattern, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (!m.group(1).endsWith(".")) {
                into.add(m.group(1));
            }
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode read(String path) throws IOException {
        return new ObjectMapper().readTree(text(path));
    }

    private static String text(String path) throws IOException {
        try (InputStream in = ConsoleTextsTest.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package wales.safeguarding.hub.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import wales.safeguarding.schemas.envelope.Language;

/**
 * Issue 14 item 7: every text the hub writes from a bundle exists in Welsh and in English, with the same placeholders,
 * so a translator can edit either file and neither language is the lesser.
 */
class TextsTest {

    /** Every bundle in {@code texts/}: the names of its {@code .en.properties} files. */
    static Stream<String> bundles() throws IOException, URISyntaxException {
        Path dir = Path.of(TextsTest.class.getClassLoader().getResource("texts").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".en.properties"))
                    .map(n -> n.substring(0, n.length() - ".en.properties".length())).sorted().toList().stream();
        }
    }

    @Test
    void should_find_the_bundles_the_hub_writes_from() throws Exception {
        assertThat(bundles()).contains("compliance-notes", "escalation-notices");
    }

    @ParameterizedTest
    @MethodSource("bundles")
    @DisplayName("1.3 active offer: every key in both languages, with the same placeholders, none empty")
    void should_hold_the_same_keys_and_placeholders_in_welsh_and_english(String bundle) {
        Texts texts = Texts.of(bundle);

        assertThat(texts.keys(Language.CY)).as("the Welsh keys of %s", bundle)
                .containsExactlyElementsOf(texts.keys(Language.EN));
        for (String key : texts.keys(Language.EN)) {
            String en = texts.raw(Language.EN, key);
            String cy = texts.raw(Language.CY, key);
            assertThat(en).as("%s %s in English", bundle, key).isNotBlank();
            assertThat(cy).as("%s %s in Welsh", bundle, key).isNotBlank();
            assertThat(Texts.placeholders(cy)).as("the placeholders of %s %s", bundle, key)
                    .isEqualTo(Texts.placeholders(en));
        }
    }

    @Test
    @DisplayName("every statutory clock the hub keeps has its words in the escalation notices, in both languages")
    void should_have_words_for_every_configured_clock() throws IOException {
        Properties config = new Properties();
        try (InputStream in = TextsTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            config.load(in);
        }
        List<String> clocks = config.stringPropertyNames().stream().filter(k -> k.matches("hub\\.clocks\\.[a-z-]+\\.period"))
                .map(k -> k.substring("hub.clocks.".length(), k.length() - ".period".length())).sorted().toList();
        Texts texts = Texts.of("escalation-notices");

        assertThat(clocks).hasSizeGreaterThan(10);
        clocks.forEach(clock -> assertThat(texts.keys(Language.EN)).contains("clock." + clock));
    }

    @Test
    void should_put_each_value_in_its_place_and_refuse_a_missing_one() {
        Texts texts = Texts.of("compliance-notes");

        assertThat(texts.get(Language.CY, "gp-added", "gp", "gp-w12345"))
                .startsWith("Ychwanegodd yr hwb feddygfa deulu'r plentyn, gp-w12345:");
        // a value holding what looks like a placeholder or a regex group is put in as it is
        assertThat(texts.get(Language.EN, "police-added", "police", "{gp} $1")).contains("added {gp} $1 to");
        assertThatThrownBy(() -> texts.get(Language.EN, "gp-added")).hasMessageContaining("{gp}");
        assertThatThrownBy(() -> texts.get(Language.EN, "no-such-note")).hasMessageContaining("no-such-note");
    }

    @Test
    @DisplayName("dates the Welsh way: CLDR's Welsh month names")
    void should_write_a_day_in_each_language() {
        assertThat(Texts.day(LocalDate.of(2026, 12, 15), Language.CY)).isEqualTo("15 Rhagfyr 2026");
        assertThat(Texts.day(LocalDate.of(2027, 2, 1), Language.CY)).isEqualTo("1 Chwefror 2027");
        assertThat(Texts.day(LocalDate.of(2027, 7, 5), Language.CY)).isEqualTo("5 Gorffennaf 2027");
        assertThat(Texts.day(LocalDate.of(2026, 12, 15), Language.EN)).isEqualTo("15 December 2026");
    }
}

package wales.safeguarding.hub.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.texts.Texts;

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
        assertThat(Texts.of(bundle).problems()).isEmpty();
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
}

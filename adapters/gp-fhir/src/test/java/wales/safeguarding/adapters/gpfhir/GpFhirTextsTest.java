package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.texts.Texts;

/** Issue 14 item 7: what the hub writes for GP practices comes from one bundle, whole in Welsh and in English. */
class GpFhirTextsTest {

    private final Texts letters = Texts.of("gp-letters");

    @Test
    @DisplayName("1.3 active offer: every text of the GP letters in both languages, with the same placeholders")
    void should_hold_every_text_in_welsh_and_english_with_the_same_placeholders() {
        assertThat(letters.problems()).isEmpty();
    }

    @Test
    void should_name_every_message_type_in_words_in_both_languages() {
        for (MessageType type : MessageType.values()) {
            assertThat(letters.has(Language.EN, "type." + type.wireName())).as(type.wireName()).isTrue();
            assertThat(Letters.typeInWords(type, true)).as(type.wireName()).isNotEqualTo(Letters.typeInWords(type, false));
        }
    }
}

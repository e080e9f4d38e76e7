package wales.safeguarding.schemas.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.schemas.envelope.Language;

/** The bundles of the hub's own words: values in their places, and every fault between the two languages found. */
class TextsTest {

    private final Texts bad = Texts.of("test-bad");

    @Test
    void should_put_each_value_in_its_place_and_refuse_a_missing_one() {
        assertThat(bad.get(Language.CY, "both", "conference", "ICPC-1", "day", "15 Rhagfyr 2026"))
                .isEqualTo("Cynhadledd ICPC-1 ar 15 Rhagfyr 2026");
        // a value holding what looks like a placeholder or a regex group is put in as it is
        assertThat(bad.get(Language.EN, "both", "conference", "{day} $1", "day", "x")).isEqualTo("Conference {day} $1 on x");
        assertThatThrownBy(() -> bad.get(Language.EN, "both", "conference", "ICPC-1")).hasMessageContaining("{day}");
        assertThatThrownBy(() -> bad.get(Language.CY, "english-only")).hasMessageContaining("english-only");
        assertThatThrownBy(() -> Texts.of("no-such-bundle")).hasMessageContaining("texts/no-such-bundle.");
    }

    @Test
    @DisplayName("1.3 active offer: a key in one language only, different placeholders or an empty text are each found")
    void should_find_every_fault_between_the_two_languages() {
        assertThat(bad.problems()).containsExactly(
                "test-bad different: placeholders [agency] in English, [asiantaeth] in Welsh",
                "test-bad empty: empty",
                "test-bad english-only: only in English");
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

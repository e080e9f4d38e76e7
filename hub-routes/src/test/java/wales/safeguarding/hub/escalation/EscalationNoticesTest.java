package wales.safeguarding.hub.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import wales.safeguarding.hub.clocks.EscalationStep;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.tracking.Notice;

class EscalationNoticesTest {

    private static final EscalationNotices.Facts FACTS = new EscalationNotices.Facts("REPORT-1", null,
            "report-acknowledgement",
            Map.of(Language.EN, "Carmarthenshire Children's Services", Language.CY, "Gwasanaethau Plant Sir Gâr"),
            Map.of(Language.EN, "Dyfed-Powys Police", Language.CY, "Heddlu Dyfed-Powys"),
            List.of("acknowledgement", "outcome"), LocalDate.of(2027, 1, 5), 3);

    private static final EscalationNotices.Facts OUTLINE_PLAN = new EscalationNotices.Facts("INVITATION-1", "CAR-42",
            "outline-plan", Map.of(Language.EN, "Carmarthenshire Children's Services", Language.CY, "Gwasanaethau Plant Sir Gâr"),
            Map.of(Language.EN, "Carmarthenshire Children's Services", Language.CY, "Gwasanaethau Plant Sir Gâr"),
            List.of("outline-plan"), LocalDate.of(2027, 1, 12), 5);

    @ParameterizedTest
    @EnumSource(value = EscalationStep.class, names = "STEP_UP", mode = EnumSource.Mode.EXCLUDE)
    void should_say_every_step_of_a_process_clock_in_welsh_and_in_english_naming_the_case(EscalationStep step) {
        Notice cy = EscalationNotices.notice(step, Language.CY, OUTLINE_PLAN);
        Notice en = EscalationNotices.notice(step, Language.EN, OUTLINE_PLAN);
        assertThat(en.text()).contains("outline plan and summary of decisions").contains("CAR-42").contains("12 January 2027");
        assertThat(cy.text()).contains("cynllun amlinellol").contains("CAR-42").contains("12 Ionawr 2027");
        assertThat(cy.text().length()).isGreaterThan(en.text().length() * 3 / 4);
    }

    @Test
    void should_tell_the_board_how_far_overdue_the_step_is() {
        assertThat(EscalationNotices.notice(EscalationStep.BOARD_NOTICE, Language.EN, OUTLINE_PLAN).subject())
                .isEqualTo("Safeguarding board notice: the outline plan and summary of decisions for case CAR-42 is 5 "
                        + "working days overdue");
    }

    @Test
    void should_say_a_challenge_step_up_in_welsh_and_in_english_naming_both_stages() {
        EscalationNotices.Facts challenge = new EscalationNotices.Facts("CHALLENGE-1", "CAR-42", "challenge-manager",
                Map.of(Language.EN, "Carmarthenshire Children's Services", Language.CY, "Gwasanaethau Plant Sir Gâr"),
                Map.of(Language.EN, "Ysgol Enghraifft", Language.CY, "Ysgol Enghraifft"), List.of("challenge-response"),
                LocalDate.of(2027, 1, 12), 0);
        Notice en = EscalationNotices.notice(EscalationStep.STEP_UP, Language.EN, challenge);
        Notice cy = EscalationNotices.notice(EscalationStep.STEP_UP, Language.CY, challenge);
        assertThat(en.subject()).isEqualTo("Professional challenge in case CAR-42 goes to the senior manager stage");
        assertThat(en.text()).contains("Ysgol Enghraifft challenged a decision of Carmarthenshire Children's Services")
                .contains("at the manager stage by the end of 12 January 2027");
        assertThat(cy.subject()).isEqualTo("Her broffesiynol yn achos CAR-42 yn mynd i gam yr uwch reolwr");
        assertThat(cy.text()).contains("Gwasanaethau Plant Sir Gâr").contains("12 Ionawr 2027");
        assertThat(cy.text().length()).isGreaterThan(en.text().length() * 3 / 4);
    }

    @ParameterizedTest
    @EnumSource(value = EscalationStep.class, names = "STEP_UP", mode = EnumSource.Mode.EXCLUDE)
    void should_say_every_step_in_welsh_and_in_english(EscalationStep step) {
        Notice cy = EscalationNotices.notice(step, Language.CY, FACTS);
        Notice en = EscalationNotices.notice(step, Language.EN, FACTS);
        assertThat(cy.language()).isEqualTo(Language.CY);
        assertThat(en.language()).isEqualTo(Language.EN);
        assertThat(cy.text()).contains("REPORT-1").contains("5 Ionawr 2027").doesNotContain("January");
        assertThat(en.text()).contains("REPORT-1").contains("5 January 2027");
        // The Welsh version is never the lesser: it says as much as the English.
        assertThat(cy.text().length()).isGreaterThan(en.text().length() * 3 / 4);
    }

    @Test
    void should_name_the_council_in_the_notice_language() {
        assertThat(EscalationNotices.notice(EscalationStep.REMINDER, Language.CY, FACTS).text())
                .contains("Gwasanaethau Plant Sir Gâr");
        assertThat(EscalationNotices.notice(EscalationStep.REMINDER, Language.EN, FACTS).text())
                .contains("Carmarthenshire Children's Services");
    }

    @Test
    void should_tell_the_report_maker_to_contact_childrens_services_again() {
        assertThat(EscalationNotices.notice(EscalationStep.REPORT_MAKER_NOTICE, Language.EN, FACTS).text())
                .contains("contact children's services again").contains("line manager or designated safeguarding person");
        assertThat(EscalationNotices.notice(EscalationStep.REPORT_MAKER_NOTICE, Language.CY, FACTS).text())
                .contains("gysylltu â'r gwasanaethau plant eto");
    }

    @Test
    void should_name_only_what_is_missing() {
        assertThat(EscalationNotices.missing(List.of("outcome"), Language.EN)).isEqualTo("outcome");
        assertThat(EscalationNotices.missing(List.of("acknowledgement"), Language.CY)).isEqualTo("cydnabyddiaeth");
        assertThat(EscalationNotices.missing(List.of("acknowledgement", "outcome"), Language.CY))
                .isEqualTo("cydnabyddiaeth a chanlyniad");
    }

    @Test
    void should_send_both_languages_welsh_first_when_the_preference_is_unknown() {
        assertThat(EscalationMessages.languagesFor(LanguagePreference.UNKNOWN)).containsExactly(Language.CY, Language.EN);
        assertThat(EscalationMessages.languagesFor(LanguagePreference.CY)).containsExactly(Language.CY);
        assertThat(EscalationMessages.languagesFor(LanguagePreference.EN)).containsExactly(Language.EN);
    }
}

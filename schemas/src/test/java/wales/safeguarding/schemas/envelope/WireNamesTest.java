package wales.safeguarding.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireNamesTest {

    @ParameterizedTest
    @CsvSource({
        "DUTY_TO_REPORT, duty-to-report",
        "REPORT_ACKNOWLEDGEMENT, report-acknowledgement",
        "ACKNOWLEDGEMENT, acknowledgement",
        "REPORT_OUTCOME, report-outcome",
        "DELIVERY_RECEIPT, delivery-receipt",
        "ESCALATION, escalation",
        "STRATEGY_MEETING_INVITATION, strategy-meeting-invitation",
        "CONFERENCE_INVITATION, conference-invitation",
        "CONFERENCE_REPORT, conference-report",
        "OUTLINE_PLAN, outline-plan",
        "CONFERENCE_MINUTES, conference-minutes",
        "MINUTES_CORRECTION, minutes-correction",
        "REGISTER_CHANGE, register-change",
        "PLAN_UPDATE, plan-update",
        "INFORMATION_SHARE, information-share",
        "HEALTH_ALERT, health-alert",
        "SCHOOL_ALERT, school-alert",
        "SCHOOL_TRANSFER, school-transfer"})
    void should_write_and_read_message_types_by_wire_name(MessageType type, String wireName) throws Exception {
        assertThat(type.wireName()).isEqualTo(wireName);
        assertThat(json(type)).isEqualTo("\"" + wireName + "\"");
        assertThat(CanonicalJson.mapper().readValue("\"" + wireName + "\"", MessageType.class)).isEqualTo(type);
        assertThat(MessageType.fromWireName(wireName)).contains(type);
    }

    @Test
    void should_not_find_a_message_type_by_its_java_name() {
        assertThat(MessageType.fromWireName("DUTY_TO_REPORT")).isEmpty();
        assertThat(MessageType.fromWireName("carrier-pigeon")).isEmpty();
        assertThat(MessageType.fromWireName(null)).isEmpty();
    }

    @Test
    void should_refuse_to_bind_an_unknown_message_type() {
        assertThatThrownBy(() -> CanonicalJson.mapper().readValue("\"carrier-pigeon\"", MessageType.class))
                .isInstanceOf(ValueInstantiationException.class);
    }

    @ParameterizedTest
    @CsvSource({"EN, en", "CY, cy"})
    void should_write_and_read_languages_by_code(Language language, String code) throws Exception {
        assertThat(language.code()).isEqualTo(code);
        assertThat(json(language)).isEqualTo("\"" + code + "\"");
        assertThat(CanonicalJson.mapper().readValue("\"" + code + "\"", Language.class)).isEqualTo(language);
        assertThat(Language.fromCode(code)).contains(language);
    }

    @Test
    void should_not_find_a_language_outside_english_and_welsh() {
        assertThat(Language.fromCode("fr")).isEmpty();
        assertThat(Language.fromCode("CY")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"EN, en", "CY, cy", "UNKNOWN, unknown"})
    void should_write_and_read_language_preferences_by_code(LanguagePreference preference, String code) throws Exception {
        assertThat(preference.code()).isEqualTo(code);
        assertThat(json(preference)).isEqualTo("\"" + code + "\"");
        assertThat(CanonicalJson.mapper().readValue("\"" + code + "\"", LanguagePreference.class)).isEqualTo(preference);
    }

    private static String json(Object value) {
        return new String(CanonicalJson.write(value), StandardCharsets.UTF_8);
    }
}

package wales.safeguarding.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import wales.safeguarding.hub.conditions.AlertCondition;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.texts.Texts;

/** Issue 14 item 7: the alert e-mails in the operators' language, from the bundle a translator edits. */
class AlertTextsTest {

    private static final AlertNotice RAISED = new AlertNotice(AlertNotice.RAISED, new OperationalAlert(7,
            "cardiff-childrens-services", "endpoint-failing", Instant.parse("2026-12-05T10:00:00Z"), null,
            JsonNodeFactory.instance.objectNode().put("lastFailureReason", "agency system answered HTTP 503")));

    @Test
    @DisplayName("1.3 active offer: an unknown language gives Welsh then English; the fields stay as they are")
    void should_write_welsh_first_then_english_where_the_language_is_unknown() {
        String text = AlertTexts.plain(RAISED, LanguagePreference.UNKNOWN);

        assertThat(text).startsWith("Codwyd: mae danfon i system yr asiantaeth yn dal i fethu\n"
                + "Raised: deliveries to the agency's system keep failing\n");
        assertThat(text).contains("agency: cardiff-childrens-services\n", "condition: endpoint-failing\n",
                "lastFailureReason: agency system answered HTTP 503\n", "Rhybudd 7.", "Alert 7.");
        assertThat(AlertTexts.subject(RAISED, LanguagePreference.UNKNOWN)).isEqualTo(
                "[hwb diogelu] RHYBUDD endpoint-failing: cardiff-childrens-services / "
                        + "[safeguarding hub] ALERT endpoint-failing: cardiff-childrens-services");
    }

    @Test
    void should_write_one_language_when_the_operators_have_one() {
        AlertNotice resolved = new AlertNotice(AlertNotice.RESOLVED, RAISED.alert());

        assertThat(AlertTexts.plain(resolved, LanguagePreference.EN)).startsWith("Resolved: deliveries")
                .doesNotContain("Datryswyd");
        assertThat(AlertTexts.subject(resolved, LanguagePreference.CY))
                .isEqualTo("[hwb diogelu] DATRYSWYD endpoint-failing: cardiff-childrens-services");
    }

    @Test
    void should_have_words_for_every_alert_condition_in_both_languages() {
        Texts texts = Texts.of("alert-emails");
        for (AlertCondition condition : AlertCondition.values()) {
            assertThat(texts.has(Language.CY, "condition." + condition.wireName())).as(condition.wireName()).isTrue();
            assertThat(texts.has(Language.EN, "condition." + condition.wireName())).as(condition.wireName()).isTrue();
        }
    }
}

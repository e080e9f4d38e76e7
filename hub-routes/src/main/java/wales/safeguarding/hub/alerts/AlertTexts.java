package wales.safeguarding.hub.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.texts.Texts;

/**
 * The words and the JSON of a notice: the agency, the condition, since when, counts and the last reason. The words are
 * in {@code texts/alert-emails.cy.properties} and {@code .en.properties}.
 */
final class AlertTexts {

    private static final Texts TEXTS = Texts.of("alert-emails");

    private AlertTexts() {
    }

    /**
     * The e-mail's text in the operators' language ({@code hub.alerts.language}: Welsh, English, or both, Welsh
     * first, where it is unknown): what happened in words, then the fields (the same in every language), then where
     * to look.
     */
    static String plain(AlertNotice notice, LanguagePreference language) {
        OperationalAlert alert = notice.alert();
        StringBuilder text = new StringBuilder();
        for (Language l : languages(language)) {
            text.append(TEXTS.get(l, notice.resolved() ? "heading.resolved" : "heading.raised", "what",
                    describe(alert.condition(), l))).append('\n');
        }
        text.append('\n')
                .append("agency: ").append(alert.agency()).append('\n')
                .append("condition: ").append(alert.condition()).append('\n')
                .append("since: ").append(alert.raisedAt()).append('\n');
        if (alert.resolvedAt() != null) {
            text.append("resolved at: ").append(alert.resolvedAt()).append('\n');
        }
        alert.details().fields().forEachRemaining(f -> text.append(f.getKey()).append(": ")
                .append(f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()).append('\n'));
        text.append('\n');
        for (Language l : languages(language)) {
            text.append(TEXTS.get(l, "footer", "id", alert.id())).append('\n');
        }
        return text.toString();
    }

    /** The e-mail's subject in the operators' language; both, Welsh first, joined by " / ", where it is unknown. */
    static String subject(AlertNotice notice, LanguagePreference language) {
        return languages(language).stream().map(l -> TEXTS.get(l, notice.resolved() ? "subject.resolved"
                : "subject.raised", "condition", notice.alert().condition(), "agency", notice.alert().agency()))
                .collect(java.util.stream.Collectors.joining(" / "));
    }

    private static List<Language> languages(LanguagePreference preference) {
        return switch (preference) {
            case CY -> List.of(Language.CY);
            case EN -> List.of(Language.EN);
            case UNKNOWN -> List.of(Language.CY, Language.EN);
        };
    }

    static Map<String, Object> json(AlertNotice notice) {
        OperationalAlert alert = notice.alert();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", notice.event());
        body.put("id", alert.id());
        body.put("agency", alert.agency());
        body.put("condition", alert.condition());
        body.put("raisedAt", alert.raisedAt().toString());
        body.put("resolvedAt", alert.resolvedAt() == null ? null : alert.resolvedAt().toString());
        body.put("details", alert.details());
        return body;
    }

    /** A condition in words: {@code condition.<name>} in {@code texts/alert-emails}, else its name. */
    private static String describe(String condition, Language language) {
        String key = "condition." + condition;
        return TEXTS.has(language, key) ? TEXTS.get(language, key) : condition;
    }
}

package wales.safeguarding.hub.alerts;

import wales.safeguarding.hub.conditions.AlertCondition;
import java.util.LinkedHashMap;
import java.util.Map;

/** The words and the JSON of a notice: the agency, the condition, since when, counts and the last reason. */
final class AlertTexts {

    private AlertTexts() {
    }

    static String plain(AlertNotice notice) {
        OperationalAlert alert = notice.alert();
        StringBuilder text = new StringBuilder();
        text.append(notice.resolved() ? "Resolved: " : "Raised: ").append(describe(alert.condition())).append('\n')
                .append('\n')
                .append("agency: ").append(alert.agency()).append('\n')
                .append("condition: ").append(alert.condition()).append('\n')
                .append("since: ").append(alert.raisedAt()).append('\n');
        if (alert.resolvedAt() != null) {
            text.append("resolved at: ").append(alert.resolvedAt()).append('\n');
        }
        alert.details().fields().forEachRemaining(f -> text.append(f.getKey()).append(": ")
                .append(f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()).append('\n'));
        text.append('\n').append("Alert ").append(alert.id())
                .append(". See the console's endpoints and alerts views for the current state.\n");
        return text.toString();
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

    private static String describe(String condition) {
        if (AlertCondition.ENDPOINT_FAILING.wireName().equals(condition)) {
            return "deliveries to the agency's system keep failing";
        }
        if (AlertCondition.QUEUE_BACKLOG.wireName().equals(condition)) {
            return "messages are backing up on the agency's queue";
        }
        if (AlertCondition.REFUSAL_BURST.wireName().equals(condition)) {
            return "many of the agency's requests were refused (probing, or a broken system)";
        }
        if (AlertCondition.DEAD_LETTERS.wireName().equals(condition)) {
            return "messages for the agency are dead-lettered: replay them once the cause is fixed";
        }
        if (AlertCondition.OLDEST_WAITING.wireName().equals(condition)) {
            return "a message for the agency has waited too long to be delivered";
        }
        if (AlertCondition.INBOX_UNCOLLECTED.wireName().equals(condition)) {
            return "the agency has not collected its pull inbox";
        }
        if (AlertCondition.ESCALATION_FAILING.wireName().equals(condition)) {
            return "an escalation notice (a statutory clock ran out) has not reached the agency";
        }
        if (AlertCondition.BANK_HOLIDAYS_ENDING.wireName().equals(condition)) {
            return "the bank-holiday data runs out soon: replace the file (deploy/README section 5)";
        }
        if (AlertCondition.ESCALATIONS_STALLED.wireName().equals(condition)) {
            return "statutory clocks are overdue for escalation and no escalation scan gets through";
        }
        return condition;
    }
}

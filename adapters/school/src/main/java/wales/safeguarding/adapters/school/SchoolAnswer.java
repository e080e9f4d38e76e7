package wales.safeguarding.adapters.school;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Reads the few fields the hub keeps from a school system's JSON answer. Anything that is not a JSON object is
 * ignored: the status code alone decides the delivery.
 */
final class SchoolAnswer {

    private SchoolAnswer() {
    }

    /** The school's receipt for the message: {@code receipt}, or else {@code reference}, if it gave one. */
    static String receipt(String responseBody) {
        JsonNode answer = read(responseBody);
        String receipt = text(answer, "receipt");
        return receipt != null ? receipt : text(answer, "reference");
    }

    /** The school's reason for a refusal: problem-details {@code detail}, else {@code reason}, else {@code title}. */
    static String reason(String responseBody) {
        JsonNode answer = read(responseBody);
        String detail = text(answer, "detail");
        if (detail != null) {
            return detail;
        }
        String reason = text(answer, "reason");
        return reason != null ? reason : text(answer, "title");
    }

    private static JsonNode read(String responseBody) {
        if (responseBody == null || responseBody.isBlank()) {
            return null;
        }
        try {
            return CanonicalJson.mapper().readTree(responseBody);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode answer, String field) {
        if (answer == null || !answer.isObject()) {
            return null;
        }
        JsonNode value = answer.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}

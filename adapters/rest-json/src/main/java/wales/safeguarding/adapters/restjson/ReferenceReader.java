package wales.safeguarding.adapters.restjson;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Reads the few fields the hub keeps from an agency system's JSON answer. Anything that is not JSON is
 * ignored: the status code alone decides the delivery.
 */
final class ReferenceReader {

    private ReferenceReader() {
    }

    /** The agency's own reference for the message ({@code reference}), if it gave one. */
    static String reference(String responseBody) {
        return text(responseBody, "reference");
    }

    /** The agency's reason for a refusal: problem-details {@code title}/{@code detail}, or {@code reason}. */
    static String reason(String responseBody) {
        String detail = text(responseBody, "detail");
        if (detail != null) {
            return detail;
        }
        String reason = text(responseBody, "reason");
        return reason != null ? reason : text(responseBody, "title");
    }

    private static String text(String responseBody, String field) {
        if (responseBody == null || responseBody.isBlank()) {
            return null;
        }
        try {
            JsonNode node = CanonicalJson.mapper().readTree(responseBody);
            JsonNode value = node == null ? null : node.get(field);
            return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
        } catch (java.io.IOException notJson) {
            return null;
        }
    }
}

package wales.safeguarding.hub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/** Test messages made from the contract's shipped examples, each with a fresh id. */
public final class Messages {

    private Messages() {
    }

    public static ObjectNode example(String path) {
        try (InputStream in = Messages.class.getResourceAsStream("/examples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + path);
            }
            return (ObjectNode) CanonicalJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The example duty-to-report from Dyfed-Powys Police about a child in Carmarthenshire, made in writing through the
     * hub (its clocks run from its arrival), with a new id.
     */
    public static ObjectNode dutyToReport() {
        ObjectNode report = example("valid/duty-to-report.json");
        report.put("messageId", UUID.randomUUID().toString());
        return report;
    }

    /**
     * The example report as the written confirmation of a call children's services took at {@code madeAt}, with a new
     * id: its clocks run from the call.
     */
    public static ObjectNode dutyToReportConfirmingCall(Instant madeAt) {
        ObjectNode report = dutyToReport();
        report.with("body").with("originalReport").put("madeAt", madeAt.toString()).put("means", "phone");
        return report;
    }

    /**
     * Carmarthenshire's acknowledgement of {@code reportId}, with a new id. It records the decision on next actions
     * (a strategy discussion), so it meets the next-actions clock as well.
     */
    public static ObjectNode acknowledgementOf(String reportId) {
        ObjectNode answer = example("valid/report-acknowledgement.json");
        answer.put("messageId", UUID.randomUUID().toString());
        answer.put("correlationId", reportId);
        return answer;
    }

    /** Carmarthenshire's acknowledgement of {@code reportId} as a bare receipt: no decision on next actions. */
    public static ObjectNode receiptOf(String reportId) {
        ObjectNode answer = acknowledgementOf(reportId);
        answer.with("body").remove("nextActionsDecision");
        return answer;
    }

    /** Carmarthenshire's outcome for {@code reportId}, with a new id. */
    public static ObjectNode outcomeOf(String reportId) {
        ObjectNode answer = example("valid/report-outcome.json");
        answer.put("messageId", UUID.randomUUID().toString());
        answer.put("correlationId", reportId);
        return answer;
    }

    /** A message as an agency's stub received it. */
    public static com.fasterxml.jackson.databind.JsonNode read(byte[] received) {
        try {
            return CanonicalJson.mapper().readTree(received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String id(ObjectNode message) {
        return message.get("messageId").asText();
    }
}

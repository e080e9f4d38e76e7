package wales.safeguarding.adapters.gpfhir;

/**
 * A GP system's response message, read: which hub message it answers and how.
 *
 * @param requestMessageId the canonical messageId of the hub's message ({@code MessageHeader.response.identifier})
 * @param code             {@code ok}, {@code transient-error} or {@code fatal-error}
 * @param diagnostics      the OperationOutcome's diagnostics for an error, or null
 */
public record GpAcknowledgement(String requestMessageId, String code, String diagnostics) {

    public boolean ok() {
        return "ok".equals(code);
    }
}

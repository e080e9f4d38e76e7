package wales.safeguarding.schemas.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The envelope of every hub message (schemas/envelope.schema.json). The body stays a tree so the
 * hub can route without knowing every body type; use {@link CanonicalJson#bodyAs} to read it.
 * The body tree is mutable: treat it as read-only and use {@link #withBody} to change it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(
        UUID messageId,
        MessageType type,
        String schemaVersion,
        String sender,
        List<String> recipients,
        String caseReference,
        String childReference,
        UUID correlationId,
        Language language,
        String securityLabel,
        OffsetDateTime createdAt,
        OffsetDateTime acceptedAt,
        JsonNode body) {

    /** The contract version this module carries. */
    public static final String SCHEMA_VERSION = "1.0";

    public Envelope {
        recipients = recipients == null ? null : List.copyOf(recipients);
    }

    public Envelope withAcceptedAt(OffsetDateTime t) {
        return new Envelope(messageId, type, schemaVersion, sender, recipients, caseReference, childReference,
                correlationId, language, securityLabel, createdAt, t, body);
    }

    public Envelope withRecipients(List<String> r) {
        return new Envelope(messageId, type, schemaVersion, sender, r, caseReference, childReference,
                correlationId, language, securityLabel, createdAt, acceptedAt, body);
    }

    public Envelope withBody(JsonNode b) {
        return new Envelope(messageId, type, schemaVersion, sender, recipients, caseReference, childReference,
                correlationId, language, securityLabel, createdAt, acceptedAt, b);
    }
}

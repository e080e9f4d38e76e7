package wales.safeguarding.hub.tracking;

import java.time.Instant;
import java.util.UUID;

import wales.safeguarding.hub.bodies.Body;

/**
 * A message as the hub stored it. {@code body} is null once the retention policy removed it; it is encrypted at rest
 * and decrypted only when {@link #payload()} is called, so code that needs only the ids, type or case pays nothing.
 */
public record StoredMessage(UUID messageId, String type, String schemaVersion, String sender, String caseReference,
        String childReference, UUID correlationId, String language, String securityLabel, Instant createdAt,
        Instant acceptedAt, String payloadSha256, Body body) {

    /** The message in clear (decrypts it); null once the retention policy removed it. */
    public byte[] payload() {
        return body == null ? null : body.open();
    }

    /** Whether the message itself is still kept (no decryption). */
    public boolean payloadKept() {
        return body != null;
    }
}

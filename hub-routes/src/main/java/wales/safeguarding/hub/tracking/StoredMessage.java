package wales.safeguarding.hub.tracking;

import java.time.Instant;
import java.util.UUID;

/** A message as the hub stored it. {@code payload} is null once the retention policy removed it. */
public record StoredMessage(UUID messageId, String type, String schemaVersion, String sender, String caseReference,
        String childReference, UUID correlationId, String language, String securityLabel, Instant createdAt,
        Instant acceptedAt, String payloadSha256, byte[] payload) {
}

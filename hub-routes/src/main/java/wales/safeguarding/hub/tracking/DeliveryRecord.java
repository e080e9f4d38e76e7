package wales.safeguarding.hub.tracking;

import java.time.Instant;
import java.util.UUID;

/** One message's state for one recipient. */
public record DeliveryRecord(UUID messageId, String recipient, DeliveryState state, int attempts, String lastError,
        String recipientReference, Instant updatedAt) {
}

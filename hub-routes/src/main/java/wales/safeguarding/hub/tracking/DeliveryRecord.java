package wales.safeguarding.hub.tracking;

import java.time.Instant;
import java.util.UUID;

/** One message's state for one recipient; {@code replays} counts an operator's replays of a dead letter. */
public record DeliveryRecord(UUID messageId, String recipient, DeliveryState state, int attempts, String lastError,
        String recipientReference, Instant updatedAt, int replays) {
}

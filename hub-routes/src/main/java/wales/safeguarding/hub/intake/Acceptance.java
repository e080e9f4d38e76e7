package wales.safeguarding.hub.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message the hub has stored durably, with the copy each recipient is sent.
 *
 * @param duplicate true when this answers a resubmission of a message accepted before
 */
public record Acceptance(UUID messageId, String type, Instant acceptedAt, List<String> recipients, byte[] payload,
        boolean duplicate) {

    public Acceptance {
        recipients = List.copyOf(recipients);
    }
}

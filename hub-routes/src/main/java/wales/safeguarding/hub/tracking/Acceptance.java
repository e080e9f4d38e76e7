package wales.safeguarding.hub.tracking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;


/**
 * A message the hub has stored durably, with the copy each recipient is sent.
 *
 * @param duplicate true when this answers a resubmission of a message accepted before
 * @param replay    0 for the first copy; an operator's nth replay of a dead letter is n
 * @param notes     compliance notes the flow's rules recorded (e.g. the hub added the child's GP practice)
 * @param derived   the messages the hub made from this one and stored with it (an outline plan's register changes),
 *                  to be queued after it
 */
public record Acceptance(UUID messageId, String type, Instant acceptedAt, List<String> recipients, byte[] payload,
        boolean duplicate, int replay, List<ComplianceNote> notes, List<Acceptance> derived) {

    public Acceptance {
        recipients = List.copyOf(recipients);
        notes = List.copyOf(notes);
        derived = List.copyOf(derived);
    }

    /** A message from which the hub made no other. */
    public Acceptance(UUID messageId, String type, Instant acceptedAt, List<String> recipients, byte[] payload,
            boolean duplicate, int replay, List<ComplianceNote> notes) {
        this(messageId, type, acceptedAt, recipients, payload, duplicate, replay, notes, List.of());
    }
}

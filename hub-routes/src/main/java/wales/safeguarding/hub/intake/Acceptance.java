package wales.safeguarding.hub.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import wales.safeguarding.hub.rules.ComplianceNote;

/**
 * A message the hub has stored durably, with the copy each recipient is sent.
 *
 * @param duplicate true when this answers a resubmission of a message accepted before
 * @param replay    0 for the first copy; an operator's nth replay of a dead letter is n
 * @param notes     compliance notes the flow's rules recorded (e.g. the hub added the child's GP practice)
 */
public record Acceptance(UUID messageId, String type, Instant acceptedAt, List<String> recipients, byte[] payload,
        boolean duplicate, int replay, List<ComplianceNote> notes) {

    public Acceptance {
        recipients = List.copyOf(recipients);
        notes = List.copyOf(notes);
    }
}

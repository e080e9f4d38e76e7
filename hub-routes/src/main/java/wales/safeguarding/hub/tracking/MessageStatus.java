package wales.safeguarding.hub.tracking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the tracking API tells about one message: its state per recipient, its clocks and its history. No content. */
public record MessageStatus(UUID messageId, String type, String sender, String caseReference, UUID correlationId,
        Instant acceptedAt, List<RecipientStatus> recipients, List<ClockStatus> clocks, List<AuditRecord> history) {

    public record RecipientStatus(String agencyId, String state, int attempts, String lastError,
            String recipientReference, Instant updatedAt) {
    }

    public record ClockStatus(String clock, String owedBy, String waiting, Instant startedAt, Instant dueAt,
            Instant metAt, int escalationStep, Instant nextEscalationAt, boolean calendarBeyondData) {
    }
}

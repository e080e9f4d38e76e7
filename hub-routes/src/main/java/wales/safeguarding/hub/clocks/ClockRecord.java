package wales.safeguarding.hub.clocks;

import java.time.Instant;
import java.util.UUID;

/** A statutory clock running on a message: who owes the step, who is waiting, when it is due and where its escalation stands. */
public record ClockRecord(long id, UUID messageId, String clock, String owedBy, String waiting, Instant startedAt,
        Instant dueAt, Instant metAt, int escalationStep, Instant nextEscalationAt, boolean calendarBeyondData) {
}

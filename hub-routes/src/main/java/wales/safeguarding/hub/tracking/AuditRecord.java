package wales.safeguarding.hub.tracking;

import java.time.Instant;

/** One thing that happened to a message: a change of state, an attempt, an escalation. Ids only, never content. */
public record AuditRecord(Instant at, String recipient, String event, String fromState, String toState, String detail,
        String actor) {
}

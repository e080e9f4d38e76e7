package wales.safeguarding.hub.cases;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing that happened in a case: a message accepted, a delivery's change of state, an attempt, a receipt, a
 * clock started, due or met, an escalation. Ids, states and times only; never content.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant at, String event, UUID messageId, String messageType, String agency,
        String fromState, String toState, String clock, String detail) {
}

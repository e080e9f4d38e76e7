package wales.safeguarding.hub.rules;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The rules of one flow: who its messages must reach beyond those the sender names, what they must not break, and
 * what their acceptance starts, stops or records. Both are decisions over facts: neither writes anything. The intake
 * asks {@link #route} before it stores a message and applies what {@link #accepted} returns in the same transaction,
 * so a refusal leaves nothing behind.
 */
public interface FlowRules {

    /** The message types these rules are for. */
    Set<MessageType> types();

    /** The recipients the rules require, the rules the message breaks, and any compliance notes. */
    Routing route(Envelope message, CaseFacts facts);

    /**
     * What the accepted message changes, in the order to apply it. {@code stored} carries its final recipients;
     * {@code at} is its acceptance time, which also stops and starts the clocks it names.
     */
    List<Effect> accepted(Envelope stored, Instant at, CaseFacts facts);
}

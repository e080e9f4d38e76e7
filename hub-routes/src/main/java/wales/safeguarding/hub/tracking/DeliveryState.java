package wales.safeguarding.hub.tracking;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where one message stands for one recipient. The lifecycle is explicit: a state may only move to the states
 * listed for it, so a late or repeated event can never walk a delivery backwards.
 */
public enum DeliveryState {
    /** Stored durably by the hub; not yet on the recipient's queue. */
    ACCEPTED("accepted"),
    /** On the recipient's durable queue. */
    QUEUED("queued"),
    /** The last attempt failed for a reason that may pass; the broker will try again. */
    FAILED("failed"),
    /** The recipient's system has it. */
    DELIVERED("delivered"),
    /** A person at the recipient acknowledged it. */
    ACKNOWLEDGED("acknowledged"),
    /** The recipient gave the outcome. */
    OUTCOME_GIVEN("outcome-given"),
    /** Given up: refused by the recipient or out of retries. Waits for an operator to replay it (back to accepted). */
    DEAD_LETTERED("dead-lettered");

    private final String wireName;

    DeliveryState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static DeliveryState fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown delivery state '" + name + "'"));
    }

    /** The states this one may move to. An answer from a person proves delivery, so it may skip ahead. */
    public Set<DeliveryState> next() {
        return switch (this) {
            case ACCEPTED -> EnumSet.of(QUEUED, DEAD_LETTERED);
            // an operator's reconciliation after a database restore stores it again for the queue (Reconciliation)
            case QUEUED -> EnumSet.of(FAILED, DELIVERED, ACKNOWLEDGED, OUTCOME_GIVEN, DEAD_LETTERED, ACCEPTED);
            case FAILED -> EnumSet.of(DELIVERED, ACKNOWLEDGED, OUTCOME_GIVEN, DEAD_LETTERED, ACCEPTED);
            case DELIVERED -> EnumSet.of(ACKNOWLEDGED, OUTCOME_GIVEN);
            case ACKNOWLEDGED -> EnumSet.of(OUTCOME_GIVEN);
            case OUTCOME_GIVEN -> EnumSet.noneOf(DeliveryState.class);
            // an operator's replay stores it again for the queue; an answer may still arrive
            case DEAD_LETTERED -> EnumSet.of(ACCEPTED, ACKNOWLEDGED, OUTCOME_GIVEN);
        };
    }

    public boolean canMoveTo(DeliveryState target) {
        return next().contains(target);
    }

    /** True once the recipient's system has had the message, whatever happened after. */
    public boolean reachedRecipient() {
        return this == DELIVERED || this == ACKNOWLEDGED || this == OUTCOME_GIVEN;
    }
}

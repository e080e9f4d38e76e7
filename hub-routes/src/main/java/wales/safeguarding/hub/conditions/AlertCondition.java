package wales.safeguarding.hub.conditions;

/**
 * What an operational alert is about. Below both the alerts that raise them ({@code alerts}) and the metrics that
 * count the open ones ({@code metrics}), so neither depends on the other.
 */
public enum AlertCondition {
    /** The endpoint failed at least {@code hub.alerts.endpoint-failures-threshold} times in a row. */
    ENDPOINT_FAILING("endpoint-failing"),
    /** More than {@code hub.alerts.queue-depth-threshold} messages wait on the endpoint's queue. */
    QUEUE_BACKLOG("queue-backlog"),
    /**
     * At least {@code hub.refusals.burst.threshold} of the agency's requests were refused within the last
     * {@code hub.refusals.burst.window-minutes}: someone may be probing the API with its credentials (or without any:
     * agency {@code unknown}), or its system is broken.
     */
    REFUSAL_BURST("refusal-burst"),
    /**
     * At least {@code hub.alerts.dead-letters-threshold} of the agency's deliveries are dead-lettered and not yet
     * replayed: a message it should have had has not reached it, and only an operator can change that.
     */
    DEAD_LETTERS("dead-letters"),
    /**
     * A copy for the agency (not paused) has waited longer than {@code hub.alerts.oldest-waiting} since the hub
     * accepted its message: delivery is stuck even if no attempt has failed yet.
     */
    OLDEST_WAITING("oldest-waiting"),
    /** A copy has waited in the agency's pull inbox, uncollected, longer than {@code hub.alerts.inbox-uncollected}. */
    INBOX_UNCOLLECTED("inbox-uncollected"),
    /**
     * An escalation notice to the agency (a manager, a board) is dead-lettered, or has waited longer than
     * {@code hub.alerts.escalation-undelivered}: a statutory clock ran out and nobody was told.
     */
    ESCALATION_FAILING("escalation-failing"),
    /**
     * The bank-holiday data ends within {@code hub.alerts.bank-holidays-warning}: clocks running past it would miss
     * bank holidays (agency {@code hub}).
     */
    BANK_HOLIDAYS_ENDING("bank-holidays-ending"),
    /**
     * Statutory clocks whose next escalation fell due more than {@code hub.alerts.escalations-stalled} ago are still
     * waiting for it: the count of due clocks stops moving because no instance's escalation scan gets through
     * (agency {@code hub}).
     */
    ESCALATIONS_STALLED("escalations-stalled");

    private final String wireName;

    AlertCondition(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AlertCondition fromWireName(String name) {
        for (AlertCondition condition : values()) {
            if (condition.wireName.equals(name)) {
                return condition;
            }
        }
        throw new IllegalArgumentException("unknown alert condition '" + name + "'");
    }
}

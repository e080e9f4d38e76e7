package wales.safeguarding.hub.alerts;

/** What an operational alert is about. */
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
    REFUSAL_BURST("refusal-burst");

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

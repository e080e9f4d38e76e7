package wales.safeguarding.hub.alerts;

/** What a channel is told: that an alert was raised, or that it was resolved. */
public record AlertNotice(String event, OperationalAlert alert) {

    public static final String RAISED = "alert-raised";
    public static final String RESOLVED = "alert-resolved";

    public boolean resolved() {
        return RESOLVED.equals(event);
    }
}

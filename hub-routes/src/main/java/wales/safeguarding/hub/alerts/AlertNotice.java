package wales.safeguarding.hub.alerts;

/** What a channel is told: that an alert was raised, or that it was resolved. */
public record AlertNotice(String event, OperationalAlert alert) {

    public static final String RAISED = "alert-raised";
    public static final String RESOLVED = "alert-resolved";

    public boolean resolved() {
        return RESOLVED.equals(event);
    }

    /** A one-line summary: the agency and the condition, nothing about any message. */
    public String subject() {
        return "[safeguarding hub] " + (resolved() ? "RESOLVED" : "ALERT") + " " + alert.condition() + ": "
                + alert.agency();
    }
}

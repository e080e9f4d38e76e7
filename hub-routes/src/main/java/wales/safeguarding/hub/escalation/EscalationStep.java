package wales.safeguarding.hub.escalation;

/**
 * The ladder a duty-to-report clock climbs when it runs out (Wales Safeguarding Procedures): a reminder to the
 * children's services and a notice to the report-maker when it is due, then, after a further configurable number of
 * working days, a notice to the report-maker's designated safeguarding person and the council's senior safeguarding
 * manager.
 */
public enum EscalationStep {
    REMINDER("reminder"),
    REPORT_MAKER_NOTICE("report-maker-notice"),
    MANAGER_NOTICE("manager-notice");

    private final String wireName;

    EscalationStep(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

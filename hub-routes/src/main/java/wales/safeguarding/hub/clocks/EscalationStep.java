package wales.safeguarding.hub.clocks;

/**
 * The ladder a duty-to-report clock climbs when it runs out (Wales Safeguarding Procedures): a reminder to the
 * children's services and a notice to the report-maker when it is due, then, after a further configurable number of
 * working days, a notice to the report-maker's designated safeguarding person and the council's senior safeguarding
 * manager; for the clocks of the child protection process, last of all a notice to the regional safeguarding board.
 * Which notices a clock sends, and when, is its ladder in configuration.
 */
public enum EscalationStep {
    REMINDER("reminder"),
    REPORT_MAKER_NOTICE("report-maker-notice"),
    MANAGER_NOTICE("manager-notice"),
    BOARD_NOTICE("board-notice"),
    /**
     * A professional challenge not answered at its stage in time goes to the next stage's contacts of both agencies
     * (at the board stage, the regional safeguarding board's too); the hub moves the challenge to that stage.
     */
    STEP_UP("step-up");

    private final String wireName;

    EscalationStep(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

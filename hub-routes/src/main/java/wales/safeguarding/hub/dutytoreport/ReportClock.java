package wales.safeguarding.hub.dutytoreport;

/** The two clocks a duty-to-report starts for each children's services it reaches (Wales Safeguarding Procedures). */
public enum ReportClock {
    /** Children's services acknowledge the report to the report-maker. */
    ACKNOWLEDGEMENT("report-acknowledgement"),
    /** Children's services tell the report-maker the outcome (2023 review, recommendation 1.1). */
    OUTCOME("report-outcome");

    private final String wireName;

    ReportClock(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** What is missing when this clock runs out, as the escalation body names it. */
    public String missing() {
        return this == ACKNOWLEDGEMENT ? "acknowledgement" : "outcome";
    }

    public static ReportClock fromWireName(String name) {
        for (ReportClock clock : values()) {
            if (clock.wireName.equals(name)) {
                return clock;
            }
        }
        throw new IllegalArgumentException("unknown report clock '" + name + "'");
    }
}

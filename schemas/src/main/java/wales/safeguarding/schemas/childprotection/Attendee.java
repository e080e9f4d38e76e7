package wales.safeguarding.schemas.childprotection;

/**
 * One agency's attendance at a meeting: {@code attended}, {@code apologies-and-report} (did not come, sent apologies
 * and a written report) or {@code absent}.
 */
public record Attendee(String agencyId, String status) {

    public static final String ATTENDED = "attended";
    public static final String APOLOGIES_AND_REPORT = "apologies-and-report";
    public static final String ABSENT = "absent";
}

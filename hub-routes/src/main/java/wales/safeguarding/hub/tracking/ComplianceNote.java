package wales.safeguarding.hub.tracking;

/**
 * What a flow's rules did or found on the way that people should know: the hub added the child's GP practice, no
 * practice is known, ... A code for systems, and the words in Welsh and English, neither the lesser. Kept in the
 * message's history as {@code code: english || welsh}.
 */
public record ComplianceNote(String code, String en, String cy) {

    private static final String BETWEEN_LANGUAGES = " || ";

    public String detail() {
        return code + ": " + en + BETWEEN_LANGUAGES + cy;
    }

    /** Reads a note back from the history. */
    public static ComplianceNote fromDetail(String detail) {
        int colon = detail.indexOf(": ");
        int between = detail.indexOf(BETWEEN_LANGUAGES);
        if (colon < 0 || between < colon) {
            return new ComplianceNote("note", detail, detail);
        }
        return new ComplianceNote(detail.substring(0, colon), detail.substring(colon + 2, between),
                detail.substring(between + BETWEEN_LANGUAGES.length()));
    }
}

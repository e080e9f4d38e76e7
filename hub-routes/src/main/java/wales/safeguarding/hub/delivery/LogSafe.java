package wales.safeguarding.hub.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a delivery failure may go in a log line. An agency system's own words about a refusal may quote the
 * message (a child's name, a reference), so a log line keeps only the HTTP status; the full reason is kept in the
 * tracking record and on the dead letter, where access is controlled and audited.
 */
final class LogSafe {

    private static final Pattern STATUS = Pattern.compile("HTTP \\d{3}");

    private LogSafe() {
    }

    static String reason(String reason) {
        if (reason == null) {
            return "unknown failure";
        }
        Matcher status = STATUS.matcher(reason);
        if (status.find() && status.end() < reason.length()) {
            return reason.substring(0, status.end()) + " (the agency's reason is in the tracking record)";
        }
        return reason;
    }
}

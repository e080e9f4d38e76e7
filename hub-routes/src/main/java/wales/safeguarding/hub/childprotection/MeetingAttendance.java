package wales.safeguarding.hub.childprotection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import wales.safeguarding.schemas.childprotection.Attendee;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The attendance a meeting's record gives, per agency (attended, apologies and a report, absent): the checks common to
 * conference minutes and strategy meeting records. Plain rules.
 */
final class MeetingAttendance {

    private MeetingAttendance() {
    }

    /**
     * Each entry is one of the meeting's {@code invitees} (or the council) and is listed once: a violation at
     * {@code /body/attendance/<i>/agencyId} otherwise, with {@code memberRule} or {@code one-entry-per-agency}.
     */
    static List<Violation> check(List<Attendee> attendance, Set<String> invitees, String council, String memberRule,
            String meeting) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Attendee> entries = attendance == null ? List.of() : attendance;
        for (int i = 0; i < entries.size(); i++) {
            String agency = entries.get(i).agencyId();
            String pointer = "/body/attendance/" + i + "/agencyId";
            if (!seen.add(agency)) {
                violations.add(new Violation(pointer, "one-entry-per-agency", "the agency is listed more than once"));
            } else if (!invitees.contains(agency) && !agency.equals(council)) {
                violations.add(new Violation(pointer, memberRule, "agency '" + agency + "' was not invited to "
                        + meeting));
            }
        }
        return violations;
    }

    /** Each agency listed with its status, in the message's order. */
    static Map<String, String> statuses(List<Attendee> attendance) {
        Map<String, String> byAgency = new LinkedHashMap<>();
        (attendance == null ? List.<Attendee>of() : attendance).forEach(a -> byAgency.putIfAbsent(a.agencyId(),
                a.status()));
        return byAgency;
    }

    /** Present: attended, or sent apologies and a report (not an absence). */
    static boolean present(String status) {
        return status != null && !Attendee.ABSENT.equals(status);
    }
}

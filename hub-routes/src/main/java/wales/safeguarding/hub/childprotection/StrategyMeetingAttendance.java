package wales.safeguarding.hub.childprotection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.schemas.childprotection.StrategyMeetingRecord;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Who came to a strategy meeting (issue 15 item 1; 2023 review, recommendation 2.2: "All agencies should ensure
 * representation at strategy meetings ... Regional safeguarding boards should have oversight"), as its
 * {@code strategy-meeting-record} gives it. Plain rules:
 * <ul>
 * <li>the meeting was held: {@code heldOn} a day to come is refused ({@code strategy-meeting-held-not-in-future});</li>
 * <li>each entry is an invitee of the meeting's invitation (its recipients, those the hub added included) or the
 * council, and is listed once ({@code strategy-meeting-invitee}, {@code one-entry-per-agency});</li>
 * <li>the attendance is recorded per agency, a record sent again replacing the earlier; the boards' report counts
 * the places and attendances (strategy meetings apart from conferences and core groups).</li>
 * </ul>
 */
final class StrategyMeetingAttendance {

    private StrategyMeetingAttendance() {
    }

    /** What makes the record unrecordable, each a violation naming the field. */
    static List<Violation> check(StrategyMeetingRecord body, Set<String> invitees, String council, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (body.heldOn().isAfter(today)) {
            violations.add(new Violation("/body/heldOn", "strategy-meeting-held-not-in-future",
                    "the strategy meeting cannot have been held on " + body.heldOn() + ", a day still to come"));
        }
        violations.addAll(MeetingAttendance.check(body.attendance(), invitees, council, "strategy-meeting-invitee",
                "strategy meeting " + body.meetingId()));
        return violations;
    }

    /** The record of who came. */
    static Effect.RecordStrategyAttendance record(String caseReference, String council, StrategyMeetingRecord body) {
        return new Effect.RecordStrategyAttendance(caseReference, council, body.meetingId(), body.heldOn(),
                MeetingAttendance.statuses(body.attendance()));
    }
}

package wales.safeguarding.hub.childprotection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.Attendee;
import wales.safeguarding.schemas.childprotection.PlanUpdate;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Who came to a child's core group meeting (issue 15 item 1; 2023 review, recommendation 2.2: "All agencies should
 * ensure representation at ... core groups. Regional safeguarding boards should have oversight"), as the plan update
 * recording the meeting gives it. Plain rules:
 * <ul>
 * <li>attendance is recorded only for a core group meeting: {@code attendance} or {@code familyAttendance} without
 * {@code coreGroupMetOn} is refused ({@code attendance-needs-core-group});</li>
 * <li>each entry is a member of the child's core group (or the council) and is listed once ({@code core-group-member},
 * {@code one-entry-per-agency});</li>
 * <li>an agency absent from {@code threshold} of the child's core groups in a row is noted to the council once, when
 * its run reaches that number ({@code agency-absent-core-group}); apologies with a written report are not an
 * absence. The board receives the attendance on its copy of the update, and counts it in its report.</li>
 * </ul>
 */
final class CoreGroupAttendance {

    private CoreGroupAttendance() {
    }

    /** What makes the update's attendance unrecordable: each a violation naming the entry. */
    static List<Violation> check(PlanUpdate body, Set<String> coreGroup, String council) {
        List<Violation> violations = new ArrayList<>();
        List<Attendee> attendance = body.attendance() == null ? List.of() : body.attendance();
        if (body.coreGroupMetOn() == null) {
            if (!attendance.isEmpty()) {
                violations.add(new Violation("/body/attendance", "attendance-needs-core-group",
                        "attendance is the record of a core group meeting: give coreGroupMetOn, the day it met"));
            }
            if (body.familyAttendance() != null) {
                violations.add(new Violation("/body/familyAttendance", "attendance-needs-core-group",
                        "the family's attendance is the record of a core group meeting: give coreGroupMetOn"));
            }
            return violations;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < attendance.size(); i++) {
            String agency = attendance.get(i).agencyId();
            if (!seen.add(agency)) {
                violations.add(new Violation("/body/attendance/" + i + "/agencyId", "one-entry-per-agency",
                        "the agency is listed more than once"));
            } else if (!coreGroup.contains(agency) && !agency.equals(council)) {
                violations.add(new Violation("/body/attendance/" + i + "/agencyId", "core-group-member",
                        "not a member of this case's core group"));
            }
        }
        return violations;
    }

    /** The record of who came, when the update records a core group meeting with attendance. */
    static Optional<Effect> record(String caseReference, String council, String childKey, PlanUpdate body) {
        if (body.coreGroupMetOn() == null || (body.attendance() == null && body.familyAttendance() == null)) {
            return Optional.empty();
        }
        return Optional.of(new Effect.RecordCoreGroupAttendance(caseReference, council, childKey, body.planId(),
                body.coreGroupMetOn(), statuses(body), body.familyAttendance()));
    }

    /**
     * The notes for a core group meeting: {@code earlier} gives, for an agency, whether it was present (attended, or
     * apologies and a report) at each of the child's earlier core groups it is recorded for, newest first.
     */
    static List<ComplianceNote> absences(PlanUpdate body, Function<String, List<Boolean>> earlier, int threshold) {
        List<ComplianceNote> notes = new ArrayList<>();
        if (body.coreGroupMetOn() == null || threshold < 1) {
            return notes;
        }
        statuses(body).forEach((agency, status) -> {
            if (Attendee.ABSENT.equals(status) && absentRun(earlier.apply(agency)) == threshold - 1) {
                notes.add(ComplianceNotes.agencyAbsentCoreGroup(body.planId(), body.coreGroupMetOn(), agency, threshold));
            }
        });
        return notes;
    }

    private static Map<String, String> statuses(PlanUpdate body) {
        Map<String, String> byAgency = new LinkedHashMap<>();
        (body.attendance() == null ? List.<Attendee>of() : body.attendance())
                .forEach(a -> byAgency.putIfAbsent(a.agencyId(), a.status()));
        return byAgency;
    }

    private static int absentRun(List<Boolean> presentNewestFirst) {
        int run = 0;
        for (boolean present : presentNewestFirst) {
            if (present) {
                break;
            }
            run++;
        }
        return run;
    }
}

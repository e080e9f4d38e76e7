package wales.safeguarding.hub.childprotection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import wales.safeguarding.hub.rules.ConferenceRecord;
import wales.safeguarding.hub.tracking.ComplianceNote;

/**
 * Representation at review conferences (2023 review, recommendation 2.2: "All agencies should ensure representation
 * at strategy meetings, review child protection conferences and core groups. Regional safeguarding boards should have
 * oversight"). An agency invited to a case's review conference and absent from it, as from the case's
 * {@code threshold - 1} review conferences before it that it was invited to, is noted to the council once
 * ({@code agency-absent}): when its run of absences reaches the threshold, not at every conference after. The boards
 * see attendance in their report; the note also goes to the council and its region's board as an absence notice
 * ({@link AbsenceNotices}). Core groups have their own rule ({@link CoreGroupAttendance}), the minutes' attendance
 * theirs ({@link MinutesAttendance}); strategy meetings' attendance is counted for the boards, never noted.
 */
final class Representation {

    private Representation() {
    }

    /**
     * The notes for a conference's outline plan: {@code earlier} gives, for an agency, whether it attended each earlier
     * review conference of the case it was invited to, newest first (at least {@code threshold} of them when there
     * are).
     */
    static List<ComplianceNote> absences(String conferenceId, String kind, Collection<String> invitees,
            Set<String> attended, Function<String, List<Boolean>> earlier, int threshold) {
        List<ComplianceNote> notes = new ArrayList<>();
        if (!ConferenceRecord.REVIEW.equals(kind) || threshold < 1) {
            return notes;
        }
        for (String agency : invitees) {
            if (attended.contains(agency)) {
                continue;
            }
            List<Boolean> before = earlier.apply(agency);
            if (absentRun(before) == threshold - 1) {
                notes.add(ComplianceNotes.agencyAbsent(conferenceId, agency, threshold));
            }
        }
        return notes;
    }

    /** How many of the newest entries in a row are absences. */
    private static int absentRun(List<Boolean> newestFirst) {
        int run = 0;
        for (boolean attended : newestFirst) {
            if (attended) {
                break;
            }
            run++;
        }
        return run;
    }
}

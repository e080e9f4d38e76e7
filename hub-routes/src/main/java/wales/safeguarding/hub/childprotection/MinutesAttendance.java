package wales.safeguarding.hub.childprotection;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.Attendee;
import wales.safeguarding.schemas.childprotection.ConferenceMinutes;

/**
 * Who came to a conference as its minutes record it (issue 15 item 1). The minutes are the full, agreed record: when
 * they carry attendance it is the conference's attendance of record, replacing what the outline plan's
 * {@code attended} list said (and a later outline plan leaves it alone). Plain rules:
 * <ul>
 * <li>each entry is an invitee of the conference (or the council) and is listed once ({@code conference-invitee},
 * {@code one-entry-per-agency}, checked by {@link MeetingAttendance}); an invitee the minutes leave out is recorded
 * absent, as one the outline plan does not list;</li>
 * <li>apologies with a written report are not an absence; an invitee absent from this review conference and from
 * the {@code threshold - 1} before it it was invited to is noted once ({@code agency-absent},
 * {@link Representation}), unless the conference's record had it absent already (noted then).</li>
 * </ul>
 */
final class MinutesAttendance {

    private MinutesAttendance() {
    }

    /** The record of who came: each invitee with its status (absent when left out), and the family's. */
    static Effect.RecordMinutesAttendance record(String caseReference, String council, ConferenceMinutes body,
            String kind, Collection<String> invitees) {
        Map<String, String> listed = MeetingAttendance.statuses(body.attendance());
        Map<String, String> byAgency = new LinkedHashMap<>();
        for (String invitee : invitees) {
            byAgency.put(invitee, listed.getOrDefault(invitee, Attendee.ABSENT));
        }
        listed.forEach(byAgency::putIfAbsent);
        return new Effect.RecordMinutesAttendance(caseReference, council, body.conferenceId(), kind, byAgency,
                body.familyAttendance());
    }

    /**
     * The notes for the minutes of a conference of {@code kind}: {@code before} is each agency's presence as the
     * conference's record stood before the minutes; {@code earlier} as for {@link Representation#absences}.
     */
    static List<ComplianceNote> absences(ConferenceMinutes body, String kind, Collection<String> invitees,
            Map<String, Boolean> before, Function<String, List<Boolean>> earlier, int threshold) {
        Map<String, String> listed = MeetingAttendance.statuses(body.attendance());
        Set<String> present = listed.entrySet().stream().filter(e -> MeetingAttendance.present(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        List<String> newlyAbsent = invitees.stream().filter(a -> !present.contains(a))
                .filter(a -> !Boolean.FALSE.equals(before.get(a))).toList();
        return Representation.absences(body.conferenceId(), kind, newlyAbsent, present, earlier, threshold);
    }
}

package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.Attendee;
import wales.safeguarding.schemas.childprotection.PlanUpdate;
import wales.safeguarding.schemas.validation.Violation;

/** Issue 15 item 1, review recommendation 2.2: representation at core groups, as plain rules. */
class CoreGroupAttendanceTest {

    private static final String COUNCIL = "council-a";
    private static final Set<String> CORE_GROUP = Set.of("gp-1", "school-1", "police-1");
    private static final LocalDate MET = LocalDate.parse("2026-11-20");

    @Test
    @DisplayName("2.2: attendance is recorded only for a core group meeting, of its members, each once")
    void should_refuse_attendance_that_is_not_of_a_core_group_meeting_or_not_of_its_members() {
        assertThat(CoreGroupAttendance.check(update(null, List.of(new Attendee("gp-1", "attended")), null), CORE_GROUP,
                COUNCIL)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/body/attendance", "attendance-needs-core-group"));
        assertThat(CoreGroupAttendance.check(update(null, null, "attended"), CORE_GROUP, COUNCIL))
                .extracting(Violation::rule).containsExactly("attendance-needs-core-group");
        assertThat(CoreGroupAttendance.check(update(MET, List.of(new Attendee("gp-1", "attended"),
                new Attendee("gp-2", "absent"), new Attendee("gp-1", "absent"), new Attendee(COUNCIL, "attended")),
                "absent"), CORE_GROUP, COUNCIL)).extracting(Violation::pointer, Violation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/body/attendance/1/agencyId", "core-group-member"),
                org.assertj.core.groups.Tuple.tuple("/body/attendance/2/agencyId", "one-entry-per-agency"));
    }

    @Test
    @DisplayName("2.2: who came to the child's core group, and the family, recorded for the boards")
    void should_record_each_agencys_status_and_the_familys() {
        Effect effect = CoreGroupAttendance.record("CASE-1", COUNCIL, "child-key", update(MET, List.of(
                new Attendee("gp-1", "apologies-and-report"), new Attendee("school-1", "attended")), "attended"))
                .orElseThrow();

        assertThat(effect).isEqualTo(new Effect.RecordCoreGroupAttendance("CASE-1", COUNCIL, "child-key", "PLAN-1", MET,
                Map.of("gp-1", "apologies-and-report", "school-1", "attended"), "attended"));
        assertThat(CoreGroupAttendance.record("CASE-1", COUNCIL, "child-key", update(MET, null, null))).isEmpty();
    }

    @Test
    @DisplayName("2.2: an agency absent from 2 of a child's core groups running is noted once; apologies and a report are no absence")
    void should_note_an_agency_when_its_run_of_absences_reaches_the_threshold_and_not_after() {
        PlanUpdate meeting = update(MET, List.of(new Attendee("gp-1", "absent"), new Attendee("school-1", "absent"),
                new Attendee("police-1", "absent")), null);
        Map<String, List<Boolean>> earlier = Map.of(
                "gp-1", List.of(false),              // absent last time: the run reaches 2 now
                "school-1", List.of(false, false),   // already noted when its run reached 2
                "police-1", List.of(true, false));   // came last time (or sent a report): the run starts again

        List<ComplianceNote> notes = CoreGroupAttendance.absences(meeting, earlier::get, 2);

        assertThat(notes).extracting(ComplianceNote::code).containsExactly("agency-absent-core-group");
        assertThat(notes.get(0).en()).contains("gp-1").contains("PLAN-1").contains("2 of this child's core group");
        assertThat(notes.get(0).cy()).contains("gp-1").contains("grŵp craidd");
        assertThat(CoreGroupAttendance.absences(update(MET, List.of(new Attendee("gp-1", "apologies-and-report")), null),
                earlier::get, 2)).isEmpty();
    }

    private static PlanUpdate update(LocalDate met, List<Attendee> attendance, String family) {
        return new PlanUpdate("PLAN-1", "The core group met.", List.of(), null, met, attendance, family);
    }
}

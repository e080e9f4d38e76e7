package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.Attendee;
import wales.safeguarding.schemas.childprotection.ConferenceMinutes;
import wales.safeguarding.schemas.childprotection.DocumentContent;
import wales.safeguarding.schemas.childprotection.StrategyMeetingRecord;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.tracking.Escalation;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Issue 15 item 1, review recommendation 2.2 ("All agencies should ensure representation at strategy meetings,
 * review child protection conferences and core groups. Regional safeguarding boards should have oversight"): the
 * attendance of strategy meetings and of conference minutes, and the absence notice to the council and the board, as
 * plain rules.
 */
class MeetingAttendanceRulesTest {

    private static final String COUNCIL = "council-a";
    private static final Set<String> INVITED = Set.of("police-1", "gp-1", "school-1");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    @Test
    @DisplayName("2.2 strategy meetings: each entry an invitee of the invitation (or the council), listed once")
    void should_refuse_a_strategy_meeting_entry_that_is_not_an_invitee_or_is_listed_twice() {
        StrategyMeetingRecord record = strategy(TODAY, new Attendee("police-1", "attended"),
                new Attendee("school-9", "absent"), new Attendee("police-1", "absent"), new Attendee(COUNCIL, "attended"));

        assertThat(StrategyMeetingAttendance.check(record, INVITED, COUNCIL, TODAY))
                .extracting(Violation::pointer, Violation::rule).containsExactly(
                        tuple("/body/attendance/1/agencyId", "strategy-meeting-invitee"),
                        tuple("/body/attendance/2/agencyId", "one-entry-per-agency"));
    }

    @Test
    @DisplayName("2.2 strategy meetings: the record is of a meeting held, not of a day to come")
    void should_refuse_a_strategy_meeting_held_on_a_day_to_come() {
        assertThat(StrategyMeetingAttendance.check(strategy(TODAY.plusDays(1), new Attendee("police-1", "attended")),
                INVITED, COUNCIL, TODAY)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/heldOn", "strategy-meeting-held-not-in-future"));
        assertThat(StrategyMeetingAttendance.check(strategy(TODAY, new Attendee("police-1", "attended")), INVITED,
                COUNCIL, TODAY)).isEmpty();
    }

    @Test
    @DisplayName("2.2 strategy meetings: who came is recorded per agency, for the boards")
    void should_record_each_strategy_meeting_invitees_status() {
        assertThat(StrategyMeetingAttendance.record("CASE-1", COUNCIL, strategy(TODAY,
                new Attendee("police-1", "attended"), new Attendee("gp-1", "apologies-and-report"))))
                .isEqualTo(new Effect.RecordStrategyAttendance("CASE-1", COUNCIL, "SM-1", TODAY,
                        Map.of("police-1", "attended", "gp-1", "apologies-and-report")));
    }

    @Test
    @DisplayName("2.2 minutes: each entry an invitee of the conference (or the council), listed once")
    void should_refuse_a_minutes_entry_that_is_not_an_invitee_or_is_listed_twice() {
        List<Attendee> attendance = List.of(new Attendee("gp-1", "attended"), new Attendee("gp-2", "absent"),
                new Attendee("gp-1", "absent"));

        assertThat(MeetingAttendance.check(attendance, INVITED, COUNCIL, "conference-invitee", "conference RCPC-1"))
                .extracting(Violation::pointer, Violation::rule).containsExactly(
                        tuple("/body/attendance/1/agencyId", "conference-invitee"),
                        tuple("/body/attendance/2/agencyId", "one-entry-per-agency"));
    }

    @Test
    @DisplayName("2.2 minutes: the minutes' attendance is the conference's record; an invitee left out is absent")
    void should_record_the_minutes_attendance_with_left_out_invitees_absent_and_the_family() {
        Effect.RecordMinutesAttendance record = MinutesAttendance.record("CASE-1", COUNCIL, minutes(
                "attended", new Attendee("gp-1", "apologies-and-report"), new Attendee("school-1", "attended")),
                "review", List.of("police-1", "gp-1", "school-1"));

        assertThat(record).isEqualTo(new Effect.RecordMinutesAttendance("CASE-1", COUNCIL, "RCPC-1", "review",
                Map.of("police-1", "absent", "gp-1", "apologies-and-report", "school-1", "attended"), "attended"));
    }

    @Test
    @DisplayName("2.2 minutes: an absence noted once; apologies and a report are no absence; one the record had already is not noted again")
    void should_note_an_absence_the_minutes_record_once() {
        ConferenceMinutes body = minutes(null, new Attendee("gp-1", "absent"), new Attendee("school-1", "absent"),
                new Attendee("police-1", "apologies-and-report"));
        Map<String, List<Boolean>> earlier = Map.of("gp-1", List.of(false), "school-1", List.of(false),
                "police-1", List.of(false));
        // the outline plan had school-1 absent already (noted then), gp-1 present
        Map<String, Boolean> before = Map.of("gp-1", true, "school-1", false, "police-1", false);

        List<ComplianceNote> notes = MinutesAttendance.absences(body, "review", List.of("gp-1", "school-1", "police-1"),
                before, earlier::get, 2);

        assertThat(notes).extracting(ComplianceNote::code).containsExactly("agency-absent");
        assertThat(notes.get(0).en()).contains("gp-1", "RCPC-1");
        assertThat(MinutesAttendance.absences(body, "initial", List.of("gp-1"), Map.of(), earlier::get, 2)).isEmpty();
    }

    @Test
    @DisplayName("issue 15 item 1: repeated absence produces one note to the council and the board, naming no child")
    void should_make_one_escalation_to_the_council_and_its_board_per_absence_note() {
        Envelope plan = new Envelope(UUID.fromString("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e99"), MessageType.PLAN_UPDATE,
                Envelope.SCHEMA_VERSION, COUNCIL, List.of(), "CASE-1", "CHILD-REF-1", null, Language.EN,
                "OFFICIAL-SENSITIVE", java.time.OffsetDateTime.parse("2026-11-20T10:00:00Z"), null,
                CanonicalJson.mapper().createObjectNode());
        List<ComplianceNote> notes = List.of(ComplianceNotes.agencyAbsentCoreGroup("PLAN-1", TODAY, "gp-1", 2),
                ComplianceNotes.gpUnknown());

        List<Effect.Derived> made = AbsenceNotices.of(plan, notes, COUNCIL, Optional.of("board-1"), TODAY,
                RulesFixture.IDS);

        assertThat(made).singleElement().satisfies(d -> {
            assertThat(d.message().type()).isEqualTo(MessageType.ESCALATION);
            assertThat(d.message().recipients()).containsExactly(COUNCIL, "board-1");
            Escalation body = CanonicalJson.bodyAs(d.message(), Escalation.class);
            assertThat(body.step()).isEqualTo("board-notice");
            assertThat(body.missing()).containsExactly("representation");
            assertThat(body.concerningMessageId()).isEqualTo(plan.messageId());
            assertThat(body.notices()).extracting(n -> n.language().code()).containsExactly("cy", "en");
            assertThat(body.notices().get(1).text()).contains("gp-1", "PLAN-1").doesNotContain("CHILD-REF-1");
        });
        assertThat(AbsenceNotices.of(plan, notes, COUNCIL, Optional.empty(), TODAY, RulesFixture.IDS))
                .singleElement().satisfies(d -> assertThat(d.message().recipients()).containsExactly(COUNCIL));
        // the same note from the same message: the same id (no agency can take it first: keyed by the hub)
        assertThat(AbsenceNotices.of(plan, notes, COUNCIL, Optional.empty(), TODAY, RulesFixture.IDS).get(0).message()
                .messageId()).isEqualTo(made.get(0).message().messageId());
    }

    private static StrategyMeetingRecord strategy(LocalDate heldOn, Attendee... attendance) {
        return new StrategyMeetingRecord("SM-1", heldOn, List.of(attendance), null);
    }

    private static ConferenceMinutes minutes(String family, Attendee... attendance) {
        return new ConferenceMinutes("RCPC-1", new DocumentContent("Minutes", "text/plain", Language.EN, "The minutes.", null),
                true, List.of(attendance), family);
    }
}

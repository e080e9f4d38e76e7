package wales.safeguarding.hub.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wales.safeguarding.hub.calendar.StatutoryClocks;

/**
 * domain.md, "All working days exclude weekends and England-and-Wales bank holidays": a running clock counted with a
 * bank-holiday file that did not know a holiday is counted again when a newer file is loaded
 * ({@link ClockKeeper#recount}). The holiday here is a made-up one-off day, Wednesday 13 January 2027.
 */
class ClockRecountTest {

    private static final Instant RECEIVED_MONDAY_11_JANUARY = Instant.parse("2027-01-11T10:00:00Z");
    /** 7 working days after Monday 11 January 2027: Wednesday 20 January, due at its end. */
    private static final Instant DUE_WITHOUT_HOLIDAY = Instant.parse("2027-01-21T00:00:00Z");
    /** With Wednesday 13 January a holiday: Thursday 21 January. */
    private static final Instant DUE_WITH_HOLIDAY = Instant.parse("2027-01-22T00:00:00Z");

    @TempDir
    Path dir;

    private StatutoryClocks calendar(String name, String... extraDays) throws IOException {
        StringBuilder events = new StringBuilder("{\"date\":\"2026-12-25\"},{\"date\":\"2026-12-28\"},"
                + "{\"date\":\"2027-01-01\"},{\"date\":\"2027-12-27\"},{\"date\":\"2027-12-28\"}");
        for (String day : extraDays) {
            events.append(",{\"date\":\"").append(day).append("\"}");
        }
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, "{\"england-and-wales\":{\"events\":[" + events + "]}}");
        return new StatutoryClocks(file.toString());
    }

    private static ClockKeeper keeper(StatutoryClocks calendar) {
        Map<String, ClocksConfig.Clock> clocks = new LinkedHashMap<>();
        clocks.put("report-outcome", clock("7wd", "0:reminder+report-maker-notice,3:manager-notice"));
        clocks.put("written-report", clock("2wd", "0:reminder,2:manager-notice,5:board-notice"));
        clocks.put("core-group", clock("6w", "0:reminder,3:manager-notice"));
        return new ClockKeeper(() -> clocks, calendar, null);
    }

    private static ClocksConfig.Clock clock(String period, String ladder) {
        return new ClocksConfig.Clock() {
            @Override
            public String period() {
                return period;
            }

            @Override
            public String ladder() {
                return ladder;
            }
        };
    }

    private static ClockRecord running(String clock, Instant startedAt, Instant dueAt, int step, Instant next) {
        return new ClockRecord(1, UUID.randomUUID(), clock, "W06000015", "police-sw", startedAt, dueAt, null, step, next,
                false);
    }

    @Test
    void should_move_a_seven_working_day_outcome_clock_a_day_later_when_the_new_file_adds_a_holiday_within_it()
            throws IOException {
        ClockKeeper old = keeper(calendar("old"));
        assertThat(old.due("report-outcome", RECEIVED_MONDAY_11_JANUARY).dueAt()).isEqualTo(DUE_WITHOUT_HOLIDAY);
        ClockRecord k = running("report-outcome", RECEIVED_MONDAY_11_JANUARY, DUE_WITHOUT_HOLIDAY, 0,
                DUE_WITHOUT_HOLIDAY);

        ClockKeeper.Recount recount = keeper(calendar("new", "2027-01-13")).recount(k, false, null);

        assertThat(recount.dueAt()).isEqualTo(DUE_WITH_HOLIDAY);
        assertThat(recount.nextEscalationAt()).as("the first rung (reminder) is the due time").isEqualTo(DUE_WITH_HOLIDAY);
        assertThat(recount.changes(k)).isTrue();
    }

    @Test
    void should_change_nothing_when_the_new_holiday_falls_outside_the_clock() throws IOException {
        ClockRecord k = running("report-outcome", RECEIVED_MONDAY_11_JANUARY, DUE_WITHOUT_HOLIDAY, 0,
                DUE_WITHOUT_HOLIDAY);

        ClockKeeper.Recount recount = keeper(calendar("new", "2027-02-03")).recount(k, false, null);

        assertThat(recount.dueAt()).isEqualTo(DUE_WITHOUT_HOLIDAY);
        assertThat(recount.changes(k)).isFalse();
    }

    @Test
    void should_count_the_next_rung_from_the_new_due_time_on_a_clock_whose_reminder_already_went() throws IOException {
        // the reminder fired at the old due time; the manager notice is 3 working days after the due day
        ClockKeeper old = keeper(calendar("old"));
        Ladder.Level managerNotice = old.definition("report-outcome").ladder().level(1).orElseThrow();
        Instant oldRung = old.rungAt(DUE_WITHOUT_HOLIDAY, managerNotice);
        assertThat(oldRung).isEqualTo(Instant.parse("2027-01-26T00:00:00Z")); // end of Monday 25 January
        ClockRecord k = running("report-outcome", RECEIVED_MONDAY_11_JANUARY, DUE_WITHOUT_HOLIDAY, 1, oldRung);

        ClockKeeper.Recount recount = keeper(calendar("new", "2027-01-13")).recount(k, false, null);

        assertThat(recount.dueAt()).isEqualTo(DUE_WITH_HOLIDAY);
        assertThat(recount.nextEscalationAt()).isEqualTo(Instant.parse("2027-01-27T00:00:00Z")); // end of Tuesday 26
    }

    @Test
    void should_keep_an_escalation_held_to_a_later_time_held() throws IOException {
        Instant heldUntil = Instant.parse("2027-02-01T09:00:00Z");
        ClockRecord k = running("report-outcome", RECEIVED_MONDAY_11_JANUARY, DUE_WITHOUT_HOLIDAY, 0, heldUntil);

        ClockKeeper.Recount recount = keeper(calendar("new", "2027-01-13")).recount(k, false, null);

        assertThat(recount.dueAt()).isEqualTo(DUE_WITH_HOLIDAY);
        assertThat(recount.nextEscalationAt()).isEqualTo(heldUntil);
    }

    @Test
    void should_leave_a_clock_whose_ladder_is_climbed_with_no_next_rung() throws IOException {
        ClockRecord k = running("report-outcome", RECEIVED_MONDAY_11_JANUARY, DUE_WITHOUT_HOLIDAY, 2, null);

        ClockKeeper.Recount recount = keeper(calendar("new", "2027-01-13")).recount(k, false, null);

        assertThat(recount.dueAt()).isEqualTo(DUE_WITH_HOLIDAY);
        assertThat(recount.nextEscalationAt()).isNull();
    }

    @Test
    void should_move_a_written_report_deadline_earlier_to_the_new_lead_time_but_never_later() throws IOException {
        Instant conferenceAsked = Instant.parse("2027-01-15T00:00:00Z");
        ClockRecord k = running("written-report", Instant.parse("2027-01-04T10:00:00Z"), conferenceAsked, 0,
                conferenceAsked);
        ClockKeeper keeper = keeper(calendar("new", "2027-01-13"));

        Instant earlier = Instant.parse("2027-01-14T00:00:00Z");
        assertThat(keeper.recount(k, true, earlier).dueAt()).isEqualTo(earlier);
        assertThat(keeper.recount(k, true, earlier).nextEscalationAt()).isEqualTo(earlier);

        Instant later = Instant.parse("2027-01-18T00:00:00Z");
        assertThat(keeper.recount(k, true, later).dueAt()).isEqualTo(conferenceAsked);
        assertThat(keeper.recount(k, true, later).changes(k)).isFalse();
        assertThat(keeper.recount(k, true, null).dueAt()).as("conference not known").isEqualTo(conferenceAsked);
    }

    @Test
    void should_not_move_a_clock_of_weeks_which_bank_holidays_do_not_change() throws IOException {
        Instant due = Instant.parse("2027-02-23T00:00:00Z");
        ClockRecord k = running("core-group", RECEIVED_MONDAY_11_JANUARY, due, 0, due);

        assertThat(keeper(calendar("new", "2027-01-13")).recount(k, false, null).changes(k)).isFalse();
    }

    @Test
    void should_name_bank_holiday_data_by_its_dates_whatever_their_order() throws IOException {
        StatutoryClocks a = calendar("a", "2027-01-13", "2027-02-03");
        StatutoryClocks b = calendar("b", "2027-02-03", "2027-01-13");
        StatutoryClocks c = calendar("c", "2027-01-13");

        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).startsWith("2026-2027:");
        assertThat(a.fingerprint()).isNotEqualTo(c.fingerprint());
    }
}

package wales.safeguarding.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private static final int SEVEN = 7;

    private final List<LocalDate> beyondData = new ArrayList<>();
    private WorkingDayCalendar calendar;

    @BeforeEach
    void load_the_shipped_feed() throws IOException {
        try (InputStream feed = getClass().getResourceAsStream("/calendar/bank-holidays-england-and-wales.json")) {
            calendar = new WorkingDayCalendar(BankHolidays.read(feed), beyondData::add);
        }
    }

    @Test
    void should_be_due_at_end_of_tuesday_5_january_2027_for_a_report_received_tuesday_22_december_2026() {
        Instant received = Instant.parse("2026-12-22T10:15:00Z");
        assertThat(calendar.dueDay(received, SEVEN)).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(calendar.dueAt(received, SEVEN)).isEqualTo(Instant.parse("2027-01-06T00:00:00Z"));
    }

    @Test
    void should_count_from_the_next_working_day_for_a_report_received_on_saturday_19_december_2026() {
        Instant received = Instant.parse("2026-12-19T09:00:00Z");
        assertThat(calendar.dueDay(received, SEVEN)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(calendar.dueAt(received, SEVEN)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void should_skip_good_friday_and_easter_monday_2026() {
        // Good Friday 3 April, Easter Monday 6 April 2026.
        Instant received = Instant.parse("2026-04-02T09:00:00Z");
        assertThat(calendar.dueDay(received, SEVEN)).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse();
    }

    @Test
    void should_skip_good_friday_and_easter_monday_2027_across_the_march_clock_change() {
        // Good Friday 26 March, Easter Monday 29 March 2027; British Summer Time starts Sunday 28 March.
        Instant received = Instant.parse("2027-03-24T14:00:00Z");
        assertThat(calendar.dueDay(received, SEVEN)).isEqualTo(LocalDate.of(2027, 4, 6));
        // The end of 6 April in London is 23:00 UTC, summer time.
        assertThat(calendar.dueAt(received, SEVEN)).isEqualTo(Instant.parse("2027-04-06T23:00:00Z"));
    }

    @Test
    void should_end_the_day_at_london_midnight_after_the_march_clock_change_2026() {
        // Received Friday 27 March 2026 (GMT); due Thursday 9 April (BST), Easter in between.
        Instant received = Instant.parse("2026-03-27T10:00:00Z");
        assertThat(calendar.dueDay(received, SEVEN)).isEqualTo(LocalDate.of(2026, 4, 9));
        assertThat(calendar.dueAt(received, SEVEN)).isEqualTo(Instant.parse("2026-04-09T23:00:00Z"));
    }

    @Test
    void should_end_the_day_at_london_midnight_after_the_october_clock_change_2026() {
        // Received Friday 23 October 2026 at noon BST; summer time ends Sunday 25 October.
        Instant received = Instant.parse("2026-10-23T11:00:00Z");
        assertThat(calendar.dueDay(received, SEVEN)).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(calendar.dueAt(received, SEVEN)).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
    }

    @Test
    void should_take_the_day_of_receipt_in_london_time_not_utc() {
        // 23:30 UTC on Tuesday 30 June 2026 is 00:30 on Wednesday 1 July in London.
        assertThat(calendar.londonDay(Instant.parse("2026-06-30T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 7, 1));
        // So the clock counts from Thursday 2 July: due Friday 10 July.
        assertThat(calendar.dueDay(Instant.parse("2026-06-30T23:30:00Z"), SEVEN)).isEqualTo(LocalDate.of(2026, 7, 10));
    }

    @Test
    void should_skip_the_substitute_boxing_day_when_26_december_is_a_saturday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 29))).isTrue();
    }

    @Test
    void should_report_every_day_beyond_the_bank_holiday_data_instead_of_guessing() {
        calendar.workingDaysAfter(LocalDate.of(2027, 12, 30), 3);
        assertThat(beyondData).isNotEmpty().allMatch(day -> day.getYear() == 2028);
    }

    @Test
    void should_not_report_anything_within_the_data() {
        calendar.workingDaysAfter(LocalDate.of(2026, 12, 22), SEVEN);
        assertThat(beyondData).isEmpty();
    }

    @Test
    void should_count_a_lead_time_back_across_a_bank_holiday() {
        // Two working days before Tuesday 5 January 2027: Monday 4, then Thursday 31 December (New Year's Day skipped).
        assertThat(calendar.workingDaysBefore(LocalDate.of(2027, 1, 5), 2)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void should_refuse_a_clock_of_no_working_days() {
        assertThatThrownBy(() -> calendar.workingDaysAfter(LocalDate.of(2026, 1, 5), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_read_the_government_feed_layout_with_other_divisions_and_extra_fields() throws IOException {
        String feed = """
                {"scotland": {"division": "scotland", "events": [{"title": "St Andrew's Day", "date": "2026-11-30"}]},
                 "england-and-wales": {"division": "england-and-wales", "events": [
                   {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true, "extra": 1}]}}
                """;
        BankHolidays holidays = BankHolidays.read(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
        assertThat(holidays.dates()).containsExactly(LocalDate.of(2026, 12, 25));
        assertThat(holidays.contains(LocalDate.of(2026, 11, 30))).isFalse();
    }

    @Test
    void should_refuse_a_feed_without_england_and_wales() {
        String feed = "{\"scotland\": {\"events\": []}}";
        assertThatThrownBy(() -> BankHolidays.read(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class).hasMessageContaining("england-and-wales");
    }
}

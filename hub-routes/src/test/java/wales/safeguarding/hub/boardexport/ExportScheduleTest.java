package wales.safeguarding.hub.boardexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Issue 15 item 5: which month's board report export is due, given today and the months already sent. */
class ExportScheduleTest {

    private final ExportSchedule fromTheFirst = new ExportSchedule(1, 3);

    @Test
    void should_make_last_month_due_on_the_first_day_of_the_month_once_it_is_complete() {
        assertThat(fromTheFirst.latestDue(LocalDate.of(2027, 2, 1))).isEqualTo(YearMonth.of(2027, 1));
        assertThat(fromTheFirst.latestDue(LocalDate.of(2027, 1, 31))).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void should_cross_the_year_in_january() {
        assertThat(fromTheFirst.latestDue(LocalDate.of(2027, 1, 1))).isEqualTo(YearMonth.of(2026, 12));
        assertThat(fromTheFirst.window(LocalDate.of(2027, 1, 1)))
                .containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12));
    }

    @Test
    void should_wait_for_the_configured_export_day_before_last_month_is_due() {
        ExportSchedule fromTheFifth = new ExportSchedule(5, 3);

        assertThat(fromTheFifth.latestDue(LocalDate.of(2027, 3, 4))).isEqualTo(YearMonth.of(2027, 1));
        assertThat(fromTheFifth.latestDue(LocalDate.of(2027, 3, 5))).isEqualTo(YearMonth.of(2027, 2));
    }

    @Test
    void should_send_only_the_latest_month_on_a_first_export_not_the_hubs_history() {
        assertThat(fromTheFirst.due(LocalDate.of(2027, 2, 1), Set.of())).containsExactly(YearMonth.of(2027, 1));
    }

    @Test
    void should_send_nothing_more_once_last_month_is_sent() {
        assertThat(fromTheFirst.due(LocalDate.of(2027, 2, 1), Set.of(YearMonth.of(2027, 1)))).isEmpty();
        assertThat(fromTheFirst.due(LocalDate.of(2027, 2, 20), Set.of(YearMonth.of(2026, 12), YearMonth.of(2027, 1))))
                .isEmpty();
    }

    @Test
    void should_catch_up_the_months_missed_while_the_hub_was_down_oldest_first() {
        // sent November's on 1 December, then down until 3 February: December and January are due
        assertThat(fromTheFirst.due(LocalDate.of(2027, 2, 3), Set.of(YearMonth.of(2026, 11))))
                .containsExactly(YearMonth.of(2026, 12), YearMonth.of(2027, 1));
    }

    @Test
    void should_not_send_again_a_month_older_than_the_newest_sent() {
        // October's export is not in the hub (purged, or never made); November's is: only what follows November
        assertThat(fromTheFirst.due(LocalDate.of(2027, 1, 2), Set.of(YearMonth.of(2026, 11))))
                .containsExactly(YearMonth.of(2026, 12));
    }

    @Test
    void should_go_back_no_further_than_the_catch_up_window() {
        // down for five months: only the newest month, as on a first export (nothing sent in the window)
        assertThat(fromTheFirst.due(LocalDate.of(2027, 6, 1), Set.of(YearMonth.of(2026, 12))))
                .containsExactly(YearMonth.of(2027, 5));
    }

    @Test
    void should_refuse_an_export_day_past_the_28th_and_an_empty_window() {
        assertThatThrownBy(() -> new ExportSchedule(29, 3)).hasMessageContaining("hub.national-board.export-day");
        assertThatThrownBy(() -> new ExportSchedule(0, 3)).hasMessageContaining("hub.national-board.export-day");
        assertThatThrownBy(() -> new ExportSchedule(1, 0)).hasMessageContaining("hub.national-board.catch-up-months");
    }
}

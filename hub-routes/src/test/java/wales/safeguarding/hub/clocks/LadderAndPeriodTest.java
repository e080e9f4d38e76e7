package wales.safeguarding.hub.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;


class LadderAndPeriodTest {

    @Test
    void should_read_a_ladder_of_levels_in_working_days_after_the_due_day() {
        Ladder ladder = Ladder.parse("0:reminder+report-maker-notice, 3:manager-notice,5:board-notice");
        assertThat(ladder.levels()).hasSize(3);
        assertThat(ladder.level(0).orElseThrow().steps())
                .containsExactly(EscalationStep.REMINDER, EscalationStep.REPORT_MAKER_NOTICE);
        assertThat(ladder.level(1).orElseThrow().afterWorkingDays()).isEqualTo(3);
        assertThat(ladder.level(2).orElseThrow().steps()).containsExactly(EscalationStep.BOARD_NOTICE);
        assertThat(ladder.level(3)).isEmpty();
    }

    @Test
    void should_refuse_a_ladder_that_does_not_climb_or_names_an_unknown_notice() {
        assertThatThrownBy(() -> Ladder.parse("3:reminder,3:manager-notice")).hasMessageContaining("climb");
        assertThatThrownBy(() -> Ladder.parse("0:shout")).hasMessageContaining("unknown notice 'shout'");
        assertThatThrownBy(() -> Ladder.parse("reminder")).hasMessageContaining("<working days>:<notice>");
        assertThatThrownBy(() -> Ladder.parse(" ")).hasMessageContaining("at least one level");
    }

    @Test
    void should_read_working_days_weeks_and_months() {
        assertThat(ClockPeriod.parse("7wd")).isEqualTo(new ClockPeriod.WorkingDays(7));
        assertThat(ClockPeriod.parse("6w")).isEqualTo(new ClockPeriod.Weeks(6));
        assertThat(ClockPeriod.parse("3m")).isEqualTo(new ClockPeriod.Months(3));
        assertThatThrownBy(() -> ClockPeriod.parse("0wd")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ClockPeriod.parse("soon")).hasMessageContaining("<n>wd");
    }

    @Test
    void should_count_calendar_periods_to_the_same_day_later() {
        assertThat(ClockPeriod.calendarDueDay(new ClockPeriod.Weeks(6), LocalDate.of(2027, 1, 14)))
                .isEqualTo(LocalDate.of(2027, 2, 25));
        // Three months from 30 November is the last day of February.
        assertThat(ClockPeriod.calendarDueDay(new ClockPeriod.Months(3), LocalDate.of(2026, 11, 30)))
                .isEqualTo(LocalDate.of(2027, 2, 28));
    }
}

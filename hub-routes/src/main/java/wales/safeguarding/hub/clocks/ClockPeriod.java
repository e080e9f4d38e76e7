package wales.safeguarding.hub.clocks;

import java.time.LocalDate;

/**
 * How long a clock runs: {@code 7wd} (working days, counted as the Wales procedures count them), {@code 6w} (weeks)
 * or {@code 3m} (calendar months). A clock of weeks or months is due by the end of the same weekday or day of the
 * month that many weeks or months after the day it started.
 */
public sealed interface ClockPeriod {

    record WorkingDays(int days) implements ClockPeriod {
    }

    record Weeks(int weeks) implements ClockPeriod {
    }

    record Months(int months) implements ClockPeriod {
    }

    static ClockPeriod parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase();
        try {
            if (t.endsWith("wd")) {
                return positive(new WorkingDays(Integer.parseInt(t.substring(0, t.length() - 2))), text);
            }
            if (t.endsWith("w")) {
                return positive(new Weeks(Integer.parseInt(t.substring(0, t.length() - 1))), text);
            }
            if (t.endsWith("m")) {
                return positive(new Months(Integer.parseInt(t.substring(0, t.length() - 1))), text);
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("clock period '" + text + "' is not <n>wd (working days), <n>w or <n>m");
    }

    private static ClockPeriod positive(ClockPeriod period, String text) {
        int n = period instanceof WorkingDays w ? w.days() : period instanceof Weeks w ? w.weeks() : ((Months) period).months();
        if (n < 1) {
            throw new IllegalArgumentException("clock period '" + text + "' must be at least 1");
        }
        return period;
    }

    /** The last day of a calendar period (weeks or months) that started on {@code day}. */
    static LocalDate calendarDueDay(ClockPeriod period, LocalDate day) {
        if (period instanceof Weeks w) {
            return day.plusWeeks(w.weeks());
        }
        if (period instanceof Months m) {
            return day.plusMonths(m.months());
        }
        throw new IllegalArgumentException("working days are counted by the calendar");
    }
}

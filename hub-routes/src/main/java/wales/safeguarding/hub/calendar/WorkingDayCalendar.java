package wales.safeguarding.hub.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Working days in Europe/London: not Saturday, not Sunday, not an England and Wales bank holiday.
 *
 * <p>A statutory clock of N working days counts the working days strictly after the day of receipt: the day
 * of receipt does not count, and a report received on a non-working day counts from the next working day.
 * The step is due by the end of the Nth such day, so the due instant is the first moment of the following
 * day in London time (which absorbs the March and October clock changes).
 *
 * <p>This is the whole of the arithmetic: a holiday set and a forward walk. Business-day libraries (e.g.
 * ObjectLab's DateCalc) move a non-working start date forward first and then count from it, which gives one day
 * less than the Wales procedures' rule for a report received at a weekend.
 */
public final class WorkingDayCalendar {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The London day that ends at {@code endOfDay} (the inverse of {@link #endOf(LocalDate)}). */
    public static LocalDate dayEndingAt(Instant endOfDay) {
        return endOfDay.minusNanos(1).atZone(LONDON).toLocalDate();
    }

    private final BankHolidays holidays;
    private final Consumer<LocalDate> beyondData;

    /**
     * @param beyondData told of every day the walk passes that the bank-holiday data does not cover, so the
     *                   caller can warn loudly instead of silently guessing
     */
    public WorkingDayCalendar(BankHolidays holidays, Consumer<LocalDate> beyondData) {
        this.holidays = holidays;
        this.beyondData = beyondData;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        if (!holidays.covers(day)) {
            beyondData.accept(day);
        }
        return !holidays.contains(day);
    }

    /** The Nth working day strictly after {@code day} (n &gt;= 1). */
    public LocalDate workingDaysAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a clock needs at least one working day, got " + n);
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** The Nth working day strictly before {@code day} (n &gt;= 1): e.g. a report due two working days before. */
    public LocalDate workingDaysBefore(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a lead time needs at least one working day, got " + n);
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.minusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** The day in London on which something received at {@code instant} was received. */
    public LocalDate londonDay(Instant instant) {
        return instant.atZone(LONDON).toLocalDate();
    }

    /** The last day of a clock of {@code workingDays} started at {@code receivedAt}. */
    public LocalDate dueDay(Instant receivedAt, int workingDays) {
        return workingDaysAfter(londonDay(receivedAt), workingDays);
    }

    /** The instant the clock runs out: the end of its last day in London time. */
    public Instant dueAt(Instant receivedAt, int workingDays) {
        return endOf(dueDay(receivedAt, workingDays));
    }

    /** The end of a London day: the first instant of the next day. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(LONDON).toInstant();
    }
}

package wales.safeguarding.hub.boardexport;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which months' board report exports are due (issue 15 item 5): a month is complete at its end (Europe/London), and
 * its export is due from the {@code exportDay} of the next month. A hub that was down on the day sends the missing
 * months when it next runs, each month once, going back no more than {@code catchUpMonths} (the window); a first
 * export ever (nothing sent in the window) is the latest month only, not the hub's history.
 *
 * @param exportDay     the day of the month from which last month's export is sent (1 to 28)
 * @param catchUpMonths how many months back a hub that was down catches up (1 or more; the latest due included)
 */
public record ExportSchedule(int exportDay, int catchUpMonths) {

    public ExportSchedule {
        if (exportDay < 1 || exportDay > 28) {
            throw new IllegalArgumentException("hub.national-board.export-day must be a day from 1 to 28, not "
                    + exportDay);
        }
        if (catchUpMonths < 1) {
            throw new IllegalArgumentException("hub.national-board.catch-up-months must be 1 or more, not "
                    + catchUpMonths);
        }
    }

    /** The newest month whose export is due on {@code today}: last month from the export day on, else the one before. */
    public YearMonth latestDue(LocalDate today) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        return today.getDayOfMonth() >= exportDay ? last : last.minusMonths(1);
    }

    /** The months to look at for exports already sent: the window ending with the latest due, oldest first. */
    public List<YearMonth> window(LocalDate today) {
        YearMonth latest = latestDue(today);
        List<YearMonth> months = new ArrayList<>(catchUpMonths);
        for (int back = catchUpMonths - 1; back >= 0; back--) {
            months.add(latest.minusMonths(back));
        }
        return months;
    }

    /**
     * The months to send on {@code today}, oldest first, given the months of the window already sent: each month of the
     * window after the newest sent (none when the latest due is sent); the latest due alone when none of the window was.
     */
    public List<YearMonth> due(LocalDate today, Set<YearMonth> sent) {
        List<YearMonth> window = window(today);
        YearMonth newestSent = null;
        for (YearMonth month : window) {
            if (sent.contains(month)) {
                newestSent = month;
            }
        }
        if (newestSent == null) {
            return List.of(window.get(window.size() - 1));
        }
        List<YearMonth> due = new ArrayList<>();
        for (YearMonth month : window) {
            if (month.isAfter(newestSent)) {
                due.add(month);
            }
        }
        return due;
    }
}

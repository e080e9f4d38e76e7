package wales.safeguarding.hub.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.config.Locations;

/**
 * Computes when statutory clocks run out, from the bank-holiday file named by {@code hub.calendar.bank-holidays}
 * ({@code classpath:...} or a file an operator replaces with a newer copy of the government feed, read at start).
 * A clock that runs past the file's last year is computed on weekends alone, flagged, and logged as a warning.
 */
@ApplicationScoped
public class StatutoryClocks {

    private static final Logger LOG = Logger.getLogger(StatutoryClocks.class);

    /** When a clock runs out, and whether the bank-holiday data covered every day it counted. */
    public record Due(Instant dueAt, boolean beyondData) {
    }

    private final BankHolidays holidays;
    private final String fingerprint;

    public StatutoryClocks(@ConfigProperty(name = "hub.calendar.bank-holidays") String location) {
        try (InputStream in = Locations.open(location)) {
            this.holidays = BankHolidays.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bank holidays from " + location + ": " + e.getMessage(), e);
        }
        this.fingerprint = holidays.fingerprint();
        LOG.infof("bank holidays loaded from %s: %d days, %d to %d (%s)", location, holidays.dates().size(),
                holidays.firstYear(), holidays.lastYear(), fingerprint);
    }

    /** The last day the bank-holiday data covers (31 December of its last year). */
    public java.time.LocalDate bankHolidaysEnd() {
        return java.time.LocalDate.of(holidays.lastYear(), 12, 31);
    }

    public Due due(Instant start, int workingDays) {
        Set<LocalDate> uncovered = new TreeSet<>();
        Instant dueAt = new WorkingDayCalendar(holidays, uncovered::add).dueAt(start, workingDays);
        if (!uncovered.isEmpty()) {
            LOG.warnf("BANK HOLIDAY DATA ENDS IN %d: a clock of %d working days from %s counted %d day(s) the data does "
                    + "not cover (%s ...), so any bank holiday on them is missed. Replace the file named by "
                    + "hub.calendar.bank-holidays with the newest government feed.", holidays.lastYear(), workingDays,
                    start, uncovered.size(), ((TreeSet<LocalDate>) uncovered).first());
        }
        return new Due(dueAt, !uncovered.isEmpty());
    }

    /** The end of the Nth working day before the London day of {@code event} (a lead time before a meeting). */
    public Due dueBefore(Instant event, int workingDays) {
        Set<LocalDate> uncovered = new TreeSet<>();
        WorkingDayCalendar calendar = new WorkingDayCalendar(holidays, uncovered::add);
        Instant dueAt = calendar.endOf(calendar.workingDaysBefore(calendar.londonDay(event), workingDays));
        return new Due(dueAt, !uncovered.isEmpty());
    }

    /** The name of the bank-holiday data loaded ({@link BankHolidays#fingerprint()}), kept on every clock counted with it. */
    public String fingerprint() {
        return fingerprint;
    }

    public BankHolidays holidays() {
        return holidays;
    }
}

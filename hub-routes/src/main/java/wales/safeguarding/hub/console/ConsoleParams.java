package wales.safeguarding.hub.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reads the console's query parameters; a bad one is a 400 naming the parameter and the rule. */
public final class ConsoleParams {

    private ConsoleParams() {
    }

    /** An ISO instant ({@code 2026-11-26T10:00:00Z}) or a date ({@code 2026-11-26}, its start in UTC); null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ConsoleProblems.invalid(name, "date-time", "an ISO instant (2026-11-26T10:00:00Z) or date (2026-11-26)");
        }
    }

    /** A date {@code YYYY-MM-DD}; null when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ConsoleProblems.invalid(name, "date", "a date YYYY-MM-DD");
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ConsoleProblems.invalid(name, "uuid", "a message id (UUID)");
        }
    }

    /** {@code value} between 1 and {@code max}, or {@code fallback} when absent. */
    public static int limit(String name, Integer value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > max) {
            throw ConsoleProblems.invalid(name, "range", "between 1 and " + max);
        }
        return value;
    }

    /** Blank is absent. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package wales.safeguarding.hub.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * England and Wales bank holidays, read from a file in the layout of the UK government's bank-holidays feed
 * ({@code {"england-and-wales": {"events": [{"date": "2026-12-25", ...}]}}}). Other divisions and extra fields
 * are ignored, so operators can drop in a newer copy of the feed as published.
 */
public record BankHolidays(Set<LocalDate> dates, int firstYear, int lastYear) {

    private static final String DIVISION = "england-and-wales";

    public BankHolidays {
        dates = Set.copyOf(dates);
    }

    public static BankHolidays read(InputStream feed) throws IOException {
        JsonNode root = new ObjectMapper().readTree(feed);
        JsonNode events = root == null ? null : root.path(DIVISION).get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new IOException("bank-holidays feed has no '" + DIVISION + "' events");
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (JsonNode event : events) {
            String date = event.path("date").asText("");
            try {
                dates.add(LocalDate.parse(date));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IOException("bank-holidays feed has an event with date '" + date + "', not yyyy-mm-dd", e);
            }
        }
        return new BankHolidays(dates, dates.first().getYear(), dates.last().getYear());
    }

    public boolean contains(LocalDate day) {
        return dates.contains(day);
    }

    /**
     * Names this data: its years and a digest of its dates ({@code 2018-2028:1a2b3c4d5e6f}). Each clock keeps the name
     * of the data it was counted with, so the hub can tell which running clocks a newer file changes.
     */
    public String fingerprint() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            new TreeSet<>(dates).forEach(d -> sha.update((d + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            return firstYear + "-" + lastYear + ":" + java.util.HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** True when the feed says nothing about this day's year, so a holiday on it would be missed. */
    public boolean covers(LocalDate day) {
        return day.getYear() >= firstYear && day.getYear() <= lastYear;
    }
}

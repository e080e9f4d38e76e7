package wales.safeguarding.hub.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * When to try a copy again after a transient failure, and when to give up: the waits between attempts (the last one
 * repeats), how long a copy may go on failing before it is dead-lettered, and optionally a cap on the attempts.
 * The default lasts through a working day's outage of an agency's system and the night after it.
 *
 * @param waits       the wait after the 1st, 2nd, ... failed attempt; the last repeats
 * @param giveUpAfter how long after its first failed attempt a copy that keeps failing is dead-lettered
 * @param maxAttempts give up after this many attempts as well; 0 for no cap
 */
public record RetrySchedule(List<Duration> waits, Duration giveUpAfter, int maxAttempts) {

    public RetrySchedule {
        waits = List.copyOf(waits);
        if (waits.isEmpty() || waits.stream().anyMatch(w -> w.isNegative() || w.isZero())) {
            throw new IllegalArgumentException("a retry schedule needs one or more positive waits, e.g. PT30S,PT1M,PT5M");
        }
        if (giveUpAfter.isNegative() || giveUpAfter.isZero()) {
            throw new IllegalArgumentException("give-up-after must be positive, e.g. PT26H");
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("max-attempts must be 0 (no cap) or more");
        }
    }

    /** Parses {@code PT30S,PT1M,PT5M} and {@code PT26H}; the error names the key. */
    public static RetrySchedule parse(String key, String waits, String giveUpAfter, int maxAttempts) {
        List<Duration> parsed = new ArrayList<>();
        try {
            for (String part : waits.split(",")) {
                if (!part.isBlank()) {
                    parsed.add(Duration.parse(part.trim()));
                }
            }
            return new RetrySchedule(parsed, Duration.parse(giveUpAfter.trim()), maxAttempts);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + waits + "' / '" + giveUpAfter
                    + "' is not a retry schedule (ISO-8601 durations, e.g. PT30S,PT1M,PT5M and PT26H): " + e.getMessage(), e);
        }
    }

    /** How long to wait before the next attempt, after {@code failedAttempts} attempts failed (1 or more). */
    public Duration waitAfter(int failedAttempts) {
        return waits.get(Math.max(0, Math.min(failedAttempts, waits.size()) - 1));
    }

    /**
     * True when a copy whose attempt {@code attempts} just failed, and whose first failed attempt was at
     * {@code firstFailureAt}, has been failing long enough (or often enough) to be dead-lettered.
     */
    public boolean givesUp(int attempts, Instant firstFailureAt, Instant now) {
        if (maxAttempts > 0 && attempts >= maxAttempts) {
            return true;
        }
        return firstFailureAt != null && !now.isBefore(firstFailureAt.plus(giveUpAfter));
    }

    /** The attempts a copy gets, at most, while the agency's system stays down the whole time. */
    public int attemptsBeforeGivingUp() {
        Duration elapsed = Duration.ZERO;
        int attempts = 1;
        while (elapsed.compareTo(giveUpAfter) < 0 && (maxAttempts == 0 || attempts < maxAttempts)) {
            elapsed = elapsed.plus(waitAfter(attempts));
            attempts++;
        }
        return attempts;
    }
}

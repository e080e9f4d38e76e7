package wales.safeguarding.hub.secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A secret as the hub uses it now: the current value and, while a rotation overlaps, the value it replaced. Both are
 * valid during the overlap (the hub signs with each, newest first), so the other side can switch at any time in it.
 * {@link #toString()} names no value.
 *
 * @param current  the secret now in force, never blank
 * @param previous the secret it replaced while that is still valid; null when there is none or its overlap is over
 */
public record SecretVersions(String current, String previous) {

    public SecretVersions {
        Objects.requireNonNull(current, "current");
    }

    /**
     * The overlap rule. The previous secret is valid until {@code previousUntil} when given, else for {@code overlap}
     * after {@code currentSince} (when the current secret appeared); valid means strictly before that instant. A
     * previous equal to the current one adds nothing.
     */
    public static SecretVersions of(String current, String previous, Instant previousUntil, Instant currentSince,
            Duration overlap, Instant now) {
        if (previous == null || previous.equals(current)) {
            return new SecretVersions(current, null);
        }
        Instant until = previousUntil != null ? previousUntil : currentSince.plus(overlap);
        return new SecretVersions(current, now.isBefore(until) ? previous : null);
    }

    /** The valid values, the current one first. */
    public List<String> newestFirst() {
        return previous == null ? List.of(current) : List.of(current, previous);
    }

    @Override
    public String toString() {
        return "SecretVersions[" + (previous == null ? "current only" : "current and previous") + "]";
    }
}

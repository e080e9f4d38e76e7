package wales.safeguarding.hub.intake;

/**
 * A token bucket: holds up to {@code capacity} tokens (the burst), refilled at {@code perMinute} tokens a minute; a
 * request takes one or is told how long until one is there. Time is passed in (nanoseconds of a monotonic clock), so
 * the arithmetic is tested without waiting. Thread-safe.
 */
public final class TokenBucket {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final long capacity;
    private final double nanosPerToken;
    private double tokens;
    private long refilledAt;

    public TokenBucket(long perMinute, long capacity, long nowNanos) {
        if (perMinute < 1 || capacity < 1) {
            throw new IllegalArgumentException("a rate limit needs at least one request a minute and a burst of one");
        }
        this.capacity = capacity;
        this.nanosPerToken = (double) NANOS_PER_MINUTE / perMinute;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    /** Takes a token: 0 if there was one, else the nanoseconds until there will be one (nothing taken). */
    public synchronized long tryTake(long nowNanos) {
        if (nowNanos > refilledAt) {
            tokens = Math.min(capacity, tokens + (nowNanos - refilledAt) / nanosPerToken);
            refilledAt = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken));
    }
}

package wales.safeguarding.hub.intake;

/**
 * A token bucket: holds up to {@code capacity} tokens (the burst), refilled at {@code perMinute} tokens a minute; a
 * request takes one or is told how long until one is there. Plain arithmetic over a state that is kept elsewhere (in
 * PostgreSQL, shared by every hub instance: {@link IntakeRateLimits}); time is passed in, so it is tested without
 * waiting.
 *
 * @param perMinute tokens added a minute
 * @param capacity  the most tokens held: the burst
 */
public record TokenBucket(long perMinute, long capacity) {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    /** The bucket's tokens, counted at {@code atNanos} (nanoseconds since the epoch). */
    public record State(double tokens, long atNanos) {
    }

    /** What a request did: the bucket after it, and 0 if it took a token, else the nanoseconds until one is there. */
    public record Taken(State next, long waitNanos) {

        public boolean admitted() {
            return waitNanos == 0;
        }
    }

    public TokenBucket {
        if (perMinute < 1 || capacity < 1) {
            throw new IllegalArgumentException("a rate limit needs at least one request a minute and a burst of one");
        }
    }

    /** A bucket first seen at {@code nowNanos}: full. */
    public State full(long nowNanos) {
        return new State(capacity, nowNanos);
    }

    /** Takes a token if there is one at {@code nowNanos}; a refused request takes nothing. */
    public Taken take(State state, long nowNanos) {
        double nanosPerToken = (double) NANOS_PER_MINUTE / perMinute;
        double tokens = state.tokens();
        long at = state.atNanos();
        if (nowNanos > at) {
            tokens = Math.min(capacity, tokens + (nowNanos - at) / nanosPerToken);
            at = nowNanos;
        }
        if (tokens >= 1) {
            return new Taken(new State(tokens - 1, at), 0);
        }
        return new Taken(new State(tokens, at), Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken)));
    }
}

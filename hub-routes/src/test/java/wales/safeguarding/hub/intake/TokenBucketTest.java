package wales.safeguarding.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** A bucket's state kept between requests, as {@code intake_rate} keeps it for every hub instance. */
    private static final class Held {
        private final TokenBucket bucket;
        private TokenBucket.State state;

        Held(long perMinute, long capacity, long nowNanos) {
            bucket = new TokenBucket(perMinute, capacity);
            state = bucket.full(nowNanos);
        }

        long tryTake(long nowNanos) {
            TokenBucket.Taken taken = bucket.take(state, nowNanos);
            state = taken.next();
            return taken.waitNanos();
        }
    }

    @Test
    void should_let_a_burst_through_and_refuse_the_next_with_the_wait_for_one_token() {
        Held bucket = new Held(60, 3, 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(SECOND);
        assertThat(bucket.tryTake(SECOND / 4)).isEqualTo(3 * SECOND / 4);
    }

    @Test
    void should_refill_at_the_rate_but_never_beyond_the_burst() {
        Held bucket = new Held(60, 3, 0);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake(0);
        }
        assertThat(bucket.tryTake(SECOND)).isZero();
        assertThat(bucket.tryTake(SECOND)).isPositive();
        // an hour of quiet gives three tokens, not three thousand
        long later = 3600 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake(later)).isZero();
        }
        assertThat(bucket.tryTake(later)).isPositive();
    }

    @Test
    void should_not_take_a_token_from_a_refused_request() {
        Held bucket = new Held(60, 1, 0);
        bucket.tryTake(0);
        for (int i = 0; i < 100; i++) {
            bucket.tryTake(SECOND / 2);
        }
        assertThat(bucket.tryTake(SECOND)).isZero();
    }

    @Test
    void should_refuse_a_rate_or_burst_below_one() {
        assertThatThrownBy(() -> new TokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

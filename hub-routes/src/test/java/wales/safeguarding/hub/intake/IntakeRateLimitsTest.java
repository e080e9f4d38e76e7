package wales.safeguarding.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The 429's Retry-After (issue 11 finding 6); the shared bucket itself is proved in RefusalsFlowTest. */
class IntakeRateLimitsTest {

    @Test
    void should_give_retry_after_in_whole_seconds_rounded_up_and_at_least_one() {
        assertThat(IntakeRateLimits.retryAfterSeconds(TimeUnit.SECONDS.toNanos(30))).isEqualTo(30);
        assertThat(IntakeRateLimits.retryAfterSeconds(TimeUnit.SECONDS.toNanos(29) + 1)).isEqualTo(30);
        assertThat(IntakeRateLimits.retryAfterSeconds(1)).isEqualTo(1);
    }
}

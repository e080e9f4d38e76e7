package wales.safeguarding.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.problems.ProblemException;

class IntakeRateLimitsTest {

    private final AtomicLong now = new AtomicLong();
    private final IntakeRateLimits limits = new IntakeRateLimits(2, 2, now::get);

    @Test
    void should_answer_429_with_retry_after_in_whole_seconds_once_an_agency_exceeds_its_rate() {
        limits.admit("south-wales-police");
        limits.admit("south-wales-police");
        assertThatThrownBy(() -> limits.admit("south-wales-police")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(429);
            assertThat(e.problem().type()).endsWith("/rate-limited");
            assertThat(e.retryAfterSeconds()).isEqualTo(30);
        });
        now.set(TimeUnit.SECONDS.toNanos(29) + 1);
        assertThatThrownBy(() -> limits.admit("south-wales-police")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        now.set(TimeUnit.SECONDS.toNanos(31));
        limits.admit("south-wales-police");
    }

    @Test
    void should_keep_one_bucket_per_agency() {
        limits.admit("south-wales-police");
        limits.admit("south-wales-police");
        limits.admit("cardiff-childrens-services");
        limits.admit("cardiff-childrens-services");
        assertThatThrownBy(() -> limits.admit("cardiff-childrens-services")).isInstanceOf(ProblemException.class);
    }
}

package wales.safeguarding.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final RetrySchedule DEFAULT = RetrySchedule.parse("hub.delivery.retry.default",
            "PT10S,PT30S,PT1M,PT2M,PT5M,PT10M,PT15M,PT30M", "PT26H", 0);
    private static final Instant FIRST_FAILURE = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void should_wait_longer_after_each_failure_and_repeat_the_last_wait() {
        assertThat(DEFAULT.waitAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(DEFAULT.waitAfter(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULT.waitAfter(8)).isEqualTo(Duration.ofMinutes(30));
        assertThat(DEFAULT.waitAfter(200)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void should_keep_retrying_through_a_working_day_outage_and_the_night_after() {
        Instant endOfNextMorning = FIRST_FAILURE.plus(Duration.ofHours(25));
        assertThat(DEFAULT.givesUp(40, FIRST_FAILURE, FIRST_FAILURE.plus(Duration.ofHours(8)))).isFalse();
        assertThat(DEFAULT.givesUp(60, FIRST_FAILURE, endOfNextMorning)).isFalse();
        assertThat(DEFAULT.givesUp(61, FIRST_FAILURE, FIRST_FAILURE.plus(Duration.ofHours(26)))).isTrue();
    }

    @Test
    void should_give_up_after_the_attempt_cap_when_one_is_set() {
        RetrySchedule capped = RetrySchedule.parse("k", "PT0.2S,PT1S", "PT1H", 6);
        assertThat(capped.givesUp(5, FIRST_FAILURE, FIRST_FAILURE)).isFalse();
        assertThat(capped.givesUp(6, FIRST_FAILURE, FIRST_FAILURE)).isTrue();
        assertThat(capped.attemptsBeforeGivingUp()).isEqualTo(6);
    }

    @Test
    void should_count_the_attempts_a_copy_gets_over_a_whole_outage() {
        // 7 waits of 10 s .. 15 min (33.7 min), then every 30 min until 26 h have passed: 8 + 51 attempts
        assertThat(DEFAULT.attemptsBeforeGivingUp()).isEqualTo(59);
    }

    @Test
    void should_refuse_a_schedule_that_is_not_iso_durations_naming_the_key() {
        assertThatThrownBy(() -> RetrySchedule.parse("hub.delivery.retry.school", "30s,1m", "PT1H", 0))
                .hasMessageContaining("hub.delivery.retry.school").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> RetrySchedule.parse("hub.delivery.retry.school", "PT30S", "PT0S", 0))
                .hasMessageContaining("give-up-after must be positive");
    }
}

package wales.safeguarding.hub.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private static final byte[] KEY = "a-key-every-instance-shares".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final CsrfTokens tokens = new CsrfTokens(KEY, clock, Duration.ofHours(8));

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void should_verify_a_token_for_the_person_it_was_made_for() {
        String token = tokens.mint("olwen");
        assertThat(tokens.verifies(token, "olwen")).isTrue();
        assertThat(new CsrfTokens(KEY, clock, Duration.ofHours(8)).verifies(token, "olwen"))
                .as("another instance with the same key").isTrue();
    }

    @Test
    void should_not_verify_for_another_person_another_key_or_a_changed_token() {
        String token = tokens.mint("olwen");
        assertThat(tokens.verifies(token, "rhys")).isFalse();
        assertThat(new CsrfTokens("another-key-of-sixteen+".getBytes(StandardCharsets.UTF_8), clock, Duration.ofHours(8))
                .verifies(token, "olwen")).isFalse();
        String made = token.substring(0, token.lastIndexOf('.'));
        assertThat(tokens.verifies(made + ".AAAA", "olwen")).isFalse();
        // the time changed to make an old token young again: the signature no longer fits
        String nonce = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.lastIndexOf('.'));
        assertThat(tokens.verifies(nonce + "." + (clock.instant().getEpochSecond() + 3600) + signature, "olwen")).isFalse();
        assertThat(tokens.verifies("x" + token, "olwen")).isFalse();
        for (String broken : new String[] {null, "", ".", "abc", "abc.", ".abc"}) {
            assertThat(tokens.verifies(broken, "olwen")).as(String.valueOf(broken)).isFalse();
        }
    }

    @Test
    void should_make_a_new_token_each_time() {
        assertThat(tokens.mint("olwen")).isNotEqualTo(tokens.mint("olwen"));
    }

    @Test
    void should_refuse_a_short_key() {
        assertThatThrownBy(() -> new CsrfTokens(new byte[8], clock, Duration.ofHours(8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsrfTokens(KEY, clock, Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_stop_verifying_a_token_after_its_maximum_age_and_ask_for_a_new_one_at_half_of_it() {
        String token = tokens.mint("olwen");
        clock.advance(Duration.ofHours(3).plusMinutes(59));
        assertThat(tokens.fresh(token, "olwen")).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(tokens.fresh(token, "olwen")).as("half its life used: the console is given a new one").isFalse();
        assertThat(tokens.verifies(token, "olwen")).as("but it still verifies").isTrue();
        clock.advance(Duration.ofHours(4));
        assertThat(tokens.verifies(token, "olwen")).as("eight hours and a minute old: a leaked token stops working")
                .isFalse();
    }

    @Test
    void should_accept_a_token_made_a_little_ahead_by_another_instance_but_not_far_ahead() {
        String token = tokens.mint("olwen");
        clock.advance(Duration.ofMinutes(-4));
        assertThat(tokens.verifies(token, "olwen")).isTrue();
        clock.advance(Duration.ofMinutes(-2));
        assertThat(tokens.verifies(token, "olwen")).isFalse();
    }
}

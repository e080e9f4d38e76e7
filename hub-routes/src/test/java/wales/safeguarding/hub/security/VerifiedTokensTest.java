package wales.safeguarding.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofMinutes(5), 100);

    @Test
    @DisplayName("a token verified once is found again while it is valid")
    void found_again() {
        tokens.keep("", "token-a", "police", NOW.plusSeconds(3600), NOW);
        assertThat(tokens.find("", "token-a", NOW.plusSeconds(10))).contains("police");
        assertThat(tokens.hits()).isEqualTo(1);
    }

    @Test
    @DisplayName("a token differing in one character (another signature) is not found: it is verified in full")
    void other_token_not_found() {
        tokens.keep("", "header.claims.signature", "police", NOW.plusSeconds(3600), NOW);
        assertThat(tokens.find("", "header.claims.signaturf", NOW)).isEmpty();
        assertThat(tokens.find("", "header.claims.signature ", NOW)).isEmpty();
    }

    @Test
    @DisplayName("never used at or after the token's own expiry")
    void not_after_expiry() {
        tokens.keep("", "token-a", "police", NOW.plusSeconds(60), NOW);
        assertThat(tokens.find("", "token-a", NOW.plusSeconds(59))).isPresent();
        assertThat(tokens.find("", "token-a", NOW.plusSeconds(60))).isEmpty();
        assertThat(tokens.find("", "token-a", NOW.plusSeconds(30))).as("dropped once expired").isEmpty();
    }

    @Test
    @DisplayName("never used longer than the maximum age after verification, however long the token lives")
    void not_after_max_age() {
        tokens.keep("", "token-a", "police", NOW.plus(Duration.ofHours(24)), NOW);
        assertThat(tokens.find("", "token-a", NOW.plus(Duration.ofMinutes(5)).minusSeconds(1))).isPresent();
        assertThat(tokens.find("", "token-a", NOW.plus(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    @DisplayName("a token without an expiry, or already expired when verified, is not kept")
    void not_kept_without_expiry() {
        tokens.keep("", "no-exp", "police", null, NOW);
        tokens.keep("", "expired", "police", NOW, NOW);
        assertThat(tokens.find("", "no-exp", NOW)).isEmpty();
        assertThat(tokens.find("", "expired", NOW)).isEmpty();
    }

    @Test
    @DisplayName("a token verified for one tenant is not taken for another")
    void tenant_is_part_of_the_key() {
        tokens.keep("Default", "token-a", "police", NOW.plusSeconds(3600), NOW);
        assertThat(tokens.find("console", "token-a", NOW)).isEmpty();
        assertThat(tokens.find("Default", "token-a", NOW)).isPresent();
    }

    @Test
    @DisplayName("bounded: at most the configured number of tokens is kept")
    void bounded() {
        VerifiedTokens<String> small = new VerifiedTokens<>(Duration.ofMinutes(5), 10);
        for (int i = 0; i < 1000; i++) {
            small.keep("", "token-" + i, "agency-" + i, NOW.plusSeconds(3600), NOW);
        }
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    @DisplayName("forgetting all drops every kept token")
    void forget_all() {
        tokens.keep("", "token-a", "police", NOW.plusSeconds(3600), NOW);
        tokens.forgetAll();
        assertThat(tokens.find("", "token-a", NOW)).isEmpty();
    }

    @Test
    @DisplayName("a kept time or size that is not positive is refused with what was given")
    void refuses_bad_settings() {
        assertThatThrownBy(() -> new VerifiedTokens<String>(Duration.ZERO, 10)).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> new VerifiedTokens<String>(Duration.ofMinutes(1), 0)).hasMessageContaining("was 0");
    }
}

package wales.safeguarding.hub.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private final CsrfTokens tokens = new CsrfTokens("a-key-every-instance-shares".getBytes(StandardCharsets.UTF_8));

    @Test
    void should_verify_a_token_for_the_person_it_was_made_for() {
        String token = tokens.mint("olwen");
        assertThat(tokens.verifies(token, "olwen")).isTrue();
        assertThat(new CsrfTokens("a-key-every-instance-shares".getBytes(StandardCharsets.UTF_8)).verifies(token, "olwen"))
                .as("another instance with the same key").isTrue();
    }

    @Test
    void should_not_verify_for_another_person_another_key_or_a_changed_token() {
        String token = tokens.mint("olwen");
        assertThat(tokens.verifies(token, "rhys")).isFalse();
        assertThat(new CsrfTokens("another-key-of-sixteen+".getBytes(StandardCharsets.UTF_8)).verifies(token, "olwen")).isFalse();
        String nonce = token.substring(0, token.indexOf('.'));
        assertThat(tokens.verifies(nonce + ".AAAA", "olwen")).isFalse();
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
        assertThatThrownBy(() -> new CsrfTokens(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}

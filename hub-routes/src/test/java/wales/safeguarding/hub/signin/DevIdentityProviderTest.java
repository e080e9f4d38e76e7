package wales.safeguarding.hub.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DevIdentityProviderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String BACK = "http://127.0.0.1:8480/console/";

    private final DevIdentityProvider provider = provider(true);

    @Test
    void a_code_is_redeemed_once_by_the_console_with_its_secret() {
        String code = provider.signIn("olwen", "pw", DevIdentityProvider.CLIENT_ID, BACK, "n1", NOW).orElseThrow();

        assertThat(provider.redeem(code, DevIdentityProvider.CLIENT_ID, "wrong", BACK, NOW)).isEmpty();
        // a failed redemption spends the code too: it is never good twice
        assertThat(provider.redeem(code, DevIdentityProvider.CLIENT_ID, provider.clientSecret(), BACK, NOW)).isEmpty();

        String second = provider.signIn("olwen", "pw", DevIdentityProvider.CLIENT_ID, BACK, "n2", NOW).orElseThrow();
        Optional<DevIdentityProvider.Grant> grant = provider.redeem(second, DevIdentityProvider.CLIENT_ID,
                provider.clientSecret(), BACK, NOW);
        assertThat(grant).hasValueSatisfying(g -> {
            assertThat(g.user().roles()).containsExactly("operator");
            assertThat(g.nonce()).isEqualTo("n2");
        });
        assertThat(provider.redeem(second, DevIdentityProvider.CLIENT_ID, provider.clientSecret(), BACK, NOW)).isEmpty();
    }

    @Test
    void a_code_expires_and_must_come_back_to_the_same_address() {
        String code = provider.signIn("olwen", "pw", DevIdentityProvider.CLIENT_ID, BACK, null, NOW).orElseThrow();
        assertThat(provider.redeem(code, DevIdentityProvider.CLIENT_ID, provider.clientSecret(), BACK,
                NOW.plus(Duration.ofMinutes(3)))).isEmpty();

        String other = provider.signIn("olwen", "pw", DevIdentityProvider.CLIENT_ID, BACK, null, NOW).orElseThrow();
        assertThat(provider.redeem(other, DevIdentityProvider.CLIENT_ID, provider.clientSecret(),
                "http://elsewhere.example/", NOW)).isEmpty();
    }

    @Test
    void wrong_password_unknown_user_or_other_client_get_no_code() {
        assertThat(provider.signIn("olwen", "nope", DevIdentityProvider.CLIENT_ID, BACK, null, NOW)).isEmpty();
        assertThat(provider.signIn("nobody", "pw", DevIdentityProvider.CLIENT_ID, BACK, null, NOW)).isEmpty();
        assertThat(provider.signIn("olwen", "pw", "another-client", BACK, null, NOW)).isEmpty();
        assertThat(provider.signIn("olwen", null, DevIdentityProvider.CLIENT_ID, BACK, null, NOW)).isEmpty();
    }

    @Test
    void the_tokens_carry_the_user_roles_and_nonce_and_the_keys_are_published() {
        String code = provider.signIn("bethan", "pw", DevIdentityProvider.CLIENT_ID, BACK, "n3", NOW).orElseThrow();
        DevIdentityProvider.Grant grant = provider
                .redeem(code, DevIdentityProvider.CLIENT_ID, provider.clientSecret(), BACK, NOW).orElseThrow();
        Map<String, Object> tokens = provider.tokens(grant, "http://127.0.0.1/dev-idp", NOW);

        String idPayload = payload((String) tokens.get("id_token"));
        assertThat(idPayload).contains("\"nonce\":\"n3\"").contains("\"board-viewer\"").contains("\"preferred_username\":\"bethan\"")
                .contains("\"iss\":\"http://127.0.0.1/dev-idp\"")
                // a board viewer's board, as Keycloak's group attribute mapper gives it
                .contains("\"safeguarding_board\":\"mid-and-west-wales-safeguarding-board\"");
        assertThat(payload((String) tokens.get("access_token"))).contains("\"aud\":\"safeguarding-hub\"")
                .contains("\"safeguarding_board\":\"mid-and-west-wales-safeguarding-board\"");
        assertThat(provider.jwks().toString()).contains("kty=RSA").contains("kid=dev-console-key");
    }

    @Test
    void a_malformed_user_list_names_the_entry() {
        assertThatThrownBy(() -> DevUsers.parse("olwen:operator,broken")).hasMessageContaining("'broken'");
        assertThat(DevUsers.parse("a:admin+operator").find("a").orElseThrow().roles()).containsExactly("admin", "operator");
        DevUsers.DevUser board = DevUsers.parse("b:board-viewer@gwent-safeguarding-board").find("b").orElseThrow();
        assertThat(board.roles()).containsExactly("board-viewer");
        assertThat(board.safeguardingBoard()).isEqualTo("gwent-safeguarding-board");
        assertThatThrownBy(() -> DevUsers.parse("b:board-viewer@")).hasMessageContaining("names no board");
    }

    @Test
    void with_no_password_configured_nobody_signs_in() throws Exception {
        DevIdentityProvider unconfigured = new DevIdentityProvider(true, "olwen:operator", "", List.of("test"));
        assertThat(unconfigured.signIn("olwen", "", DevIdentityProvider.CLIENT_ID, BACK, null, NOW)).isEmpty();
    }

    @Test
    void switched_off_it_makes_no_key_and_publishes_none() {
        DevIdentityProvider off = provider(false);

        assertThat(off.enabled()).isFalse();
        assertThatThrownBy(off::jwks).hasMessageContaining("switched off");
    }

    @Test
    void the_sign_in_page_escapes_what_it_echoes() {
        String page = SignInPage.render(DevUsers.parse("olwen:operator").all(), "c", "\"><script>x</script>", "s", null, true);
        assertThat(page).doesNotContain("<script>x").contains("&quot;&gt;&lt;script&gt;");
    }

    @Test
    void pages_sign_in_and_the_api_uses_the_session_only_without_a_bearer_token() {
        assertThat(ConsoleSignIn.usesConsoleSession("/console/", false, false)).isTrue();
        assertThat(ConsoleSignIn.usesConsoleSession("/api/v1/console/now", false, true)).isTrue();
        assertThat(ConsoleSignIn.usesConsoleSession("/api/v1/console/now", true, true)).isFalse();
        assertThat(ConsoleSignIn.usesConsoleSession("/api/v1/console/now", false, false)).isFalse();
        assertThat(ConsoleSignIn.usesConsoleSession("/api/v1/messages", false, true)).isFalse();
        assertThat(ConsoleSignIn.usesConsoleSession("/consoles", false, true)).isFalse();
    }

    private static DevIdentityProvider provider(boolean enabled) {
        try {
            return new DevIdentityProvider(enabled, "olwen:operator,bethan:board-viewer@mid-and-west-wales-safeguarding-board",
                    "pw", List.of("test"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String payload(String jwt) {
        return new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
    }
}

package wales.safeguarding.adapters.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import wales.safeguarding.adapters.school.WebhookSignature.Failure;
import wales.safeguarding.adapters.school.WebhookSignature.Verification;

class WebhookSignatureTest {

    static final String SECRET = "test-only-school-webhook-secret-6699001";
    static final long SIGNED_AT = 1_751_623_500L; // 2025-07-04T10:05:00Z
    static final Instant NOW = Instant.ofEpochSecond(SIGNED_AT);

    private static final byte[] BODY = utf8("{\"messageId\":\"3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e13\",\"type\":\"plan-update\"}");

    // Computed outside Java, with: printf '%s' '1751623500.<body>' | openssl dgst -sha256 -hmac '<SECRET>'
    private static final String BODY_SIGNATURE = "v1=d7c9a4168e66f208d5e7a4babf7c457986ace773bc251a9b47fdc0fcdb3bed63";

    @Test
    void should_compute_hmac_sha256_as_rfc_4231_test_case_2() {
        assertThat(WebhookSignature.hmacSha256Hex(utf8("Jefe"), utf8("what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void should_sign_timestamp_dot_body_as_openssl_does() {
        assertThat(WebhookSignature.sign(SECRET, SIGNED_AT, BODY)).isEqualTo(BODY_SIGNATURE);
    }

    @Test
    void should_sign_the_raw_utf8_bytes_of_a_welsh_body_as_openssl_does() {
        byte[] welsh = utf8("{\"sender\":\"Cyngor Sir Gâr\",\"summary\":\"ysgol — Llŷr\"}");
        assertThat(WebhookSignature.sign(SECRET, SIGNED_AT, welsh))
                .isEqualTo("v1=9ff0213908e1d6a52dfced43a0d31d76901e0c5247ccdc95b4aaba3e7c2fe420");
    }

    @Test
    void should_sign_the_worked_example_of_the_readme_as_openssl_does() throws java.io.IOException {
        byte[] body;
        try (var in = getClass().getResourceAsStream("/school/plan-update.to-school.json")) {
            body = in.readAllBytes();
        }
        String signature = "v1=57a3d9b49c4215d1a3077ae5fb31ee387d9efca2ee0f811ba534873351c58159";
        assertThat(body).hasSize(1066);
        assertThat(WebhookSignature.sign(SECRET, SIGNED_AT, body)).isEqualTo(signature);
        assertThat(verify("1751623500", signature, body, NOW.plusSeconds(2)).valid()).isTrue();
    }

    /** The README's rotation vector: the worked example signed with a new and an old secret, both from openssl. */
    @Test
    void should_sign_the_worked_example_with_the_new_and_the_old_secret_during_a_rotation_as_openssl_does()
            throws Exception {
        byte[] body;
        try (var in = getClass().getResourceAsStream("/school/plan-update.to-school.json")) {
            body = in.readAllBytes();
        }
        String rotated = "test-only-school-webhook-secret-6699001-rotated";
        String header = "v1=516a6812ed26ddba71345a1dd8fe54e582d854499d2c1fede0497b20e63366f9,"
                + "v1=57a3d9b49c4215d1a3077ae5fb31ee387d9efca2ee0f811ba534873351c58159";
        assertThat(WebhookSignature.sign(java.util.List.of(rotated, SECRET), SIGNED_AT, body)).isEqualTo(header);
        for (String secret : new String[] {rotated, SECRET}) {
            assertThat(WebhookSignature.verify(secret, "1751623500", header, body, NOW.plusSeconds(2)).valid())
                    .as(secret).isTrue();
            assertThat(readmeRecipe(secret, "1751623500", header, body, NOW.plusSeconds(2))).as(secret).isTrue();
        }
        assertThat(readmeRecipe("another-secret", "1751623500", header, body, NOW.plusSeconds(2))).isFalse();
        assertThat(readmeRecipe(SECRET, "1751623500", header, body, NOW.plusSeconds(301))).isFalse();
    }

    @Test
    void should_sign_with_one_secret_exactly_as_before_and_refuse_none() {
        assertThat(WebhookSignature.sign(java.util.List.of(SECRET), SIGNED_AT, BODY)).isEqualTo(BODY_SIGNATURE);
        assertThatThrownBy(() -> WebhookSignature.sign(java.util.List.of(), SIGNED_AT, BODY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no webhook secret");
    }

    /** The README's Java recipe (class names spelled out in full): a school must accept any of several v1 values. */
    static boolean readmeRecipe(String secret, String timestamp, String signature, byte[] body, Instant now)
            throws java.security.GeneralSecurityException {
        if (timestamp == null || signature == null || !timestamp.strip().matches("[0-9]{1,12}")) {
            return false;
        }
        timestamp = timestamp.strip();
        if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;                                     // outside the replay window
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] expected = mac.doFinal(body);                  // body: the raw request bytes
        for (String part : signature.split(",")) {
            part = part.strip();
            if (part.matches("v1=[0-9a-fA-F]{64}")
                    && java.security.MessageDigest.isEqual(expected,
                            java.util.HexFormat.of().parseHex(part.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void should_accept_the_hubs_own_signature() {
        Verification result = verify(Long.toString(SIGNED_AT), WebhookSignature.sign(SECRET, SIGNED_AT, BODY), BODY, NOW);
        assertThat(result.valid()).isTrue();
        assertThat(result.failure()).isNull();
    }

    @Test
    void should_reject_a_body_changed_after_signing() {
        byte[] changed = BODY.clone();
        changed[changed.length - 3] ^= 1;
        assertThat(verify(Long.toString(SIGNED_AT), BODY_SIGNATURE, changed, NOW).failure())
                .isEqualTo(Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void should_reject_a_signature_made_with_another_secret() {
        String forged = WebhookSignature.sign("another-school-secret", SIGNED_AT, BODY);
        Verification result = verify(Long.toString(SIGNED_AT), forged, BODY, NOW);
        assertThat(result.failure()).isEqualTo(Failure.SIGNATURE_MISMATCH);
        assertThat(result.reason()).isEqualTo("X-Hub-Signature does not match the body and timestamp");
    }

    @Test
    void should_reject_a_valid_signature_moved_to_another_timestamp() {
        assertThat(verify(Long.toString(SIGNED_AT + 60), BODY_SIGNATURE, BODY, NOW).failure())
                .isEqualTo(Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void should_reject_a_replay_older_than_the_window() {
        Verification result = verify(Long.toString(SIGNED_AT), BODY_SIGNATURE, BODY, NOW.plusSeconds(301));
        assertThat(result.failure()).isEqualTo(Failure.OUTSIDE_REPLAY_WINDOW);
        assertThat(result.reason()).isEqualTo("X-Hub-Timestamp is 301 s old; the replay window is 300 s");
    }

    @Test
    void should_reject_a_timestamp_from_the_future_beyond_the_window() {
        Verification result = verify(Long.toString(SIGNED_AT), BODY_SIGNATURE, BODY, NOW.minusSeconds(301));
        assertThat(result.failure()).isEqualTo(Failure.OUTSIDE_REPLAY_WINDOW);
        assertThat(result.reason()).isEqualTo("X-Hub-Timestamp is 301 s in the future; the replay window is 300 s");
    }

    @Test
    void should_accept_a_timestamp_exactly_at_either_edge_of_the_window() {
        assertThat(verify(Long.toString(SIGNED_AT), BODY_SIGNATURE, BODY, NOW.plusSeconds(300)).valid()).isTrue();
        assertThat(verify(Long.toString(SIGNED_AT), BODY_SIGNATURE, BODY, NOW.minusSeconds(300)).valid()).isTrue();
    }

    @Test
    void should_apply_a_replay_window_the_receiver_chooses() {
        Instant later = NOW.plusSeconds(90);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(SIGNED_AT), BODY_SIGNATURE, BODY, later,
                Duration.ofMinutes(1)).failure()).isEqualTo(Failure.OUTSIDE_REPLAY_WINDOW);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(SIGNED_AT), BODY_SIGNATURE, BODY, later,
                Duration.ofMinutes(2)).valid()).isTrue();
    }

    @Test
    void should_name_a_missing_timestamp_or_signature() {
        assertThat(verify(null, BODY_SIGNATURE, BODY, NOW).failure()).isEqualTo(Failure.MISSING_TIMESTAMP);
        assertThat(verify(" ", BODY_SIGNATURE, BODY, NOW).reason()).isEqualTo("no X-Hub-Timestamp header");
        assertThat(verify(Long.toString(SIGNED_AT), null, BODY, NOW).failure()).isEqualTo(Failure.MISSING_SIGNATURE);
        assertThat(verify(Long.toString(SIGNED_AT), "", BODY, NOW).reason()).isEqualTo("no X-Hub-Signature header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1751623500", "+1751623500", "1751623500.0", "1751623500000000", "2025-07-04T10:05:00Z", "abc",
            "١٧٥١٦٢٣٥٠٠"})
    void should_reject_a_timestamp_that_is_not_whole_unix_seconds(String timestamp) {
        assertThat(verify(timestamp, BODY_SIGNATURE, BODY, NOW).failure()).isEqualTo(Failure.MALFORMED_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "d7c9a4168e66f208d5e7a4babf7c457986ace773bc251a9b47fdc0fcdb3bed63",
            "v1=d7c9a4168e66f208d5e7a4babf7c457986ace773bc251a9b47fdc0fcdb3bed6",
            "v1=d7c9a4168e66f208d5e7a4babf7c457986ace773bc251a9b47fdc0fcdb3bed63ff",
            "v1=z7c9a4168e66f208d5e7a4babf7c457986ace773bc251a9b47fdc0fcdb3bed63",
            "v0=d7c9a4168e66f208d5e7a4babf7c457986ace773bc251a9b47fdc0fcdb3bed63",
            "sha256=d7c9a4168e66f208d5e7a4babf7c457986ace773bc251a9b47fdc0fcdb3bed63",
            "v1="})
    void should_reject_a_signature_header_without_a_well_formed_v1_element(String header) {
        Verification result = verify(Long.toString(SIGNED_AT), header, BODY, NOW);
        assertThat(result.failure()).isEqualTo(Failure.MALFORMED_SIGNATURE);
        assertThat(result.reason()).isEqualTo("X-Hub-Signature is not v1=<64 hex digits>");
    }

    @Test
    void should_accept_upper_case_hex_and_surrounding_spaces() {
        String header = " v1=" + BODY_SIGNATURE.substring(3).toUpperCase() + " ";
        assertThat(verify(" " + SIGNED_AT + " ", header, BODY, NOW).valid()).isTrue();
    }

    @Test
    void should_accept_any_matching_v1_among_several_and_ignore_unknown_schemes() {
        String other = WebhookSignature.sign("the-previous-secret", SIGNED_AT, BODY);
        assertThat(verify(Long.toString(SIGNED_AT), other + ", v2=whatever, " + BODY_SIGNATURE, BODY, NOW).valid()).isTrue();
        assertThat(verify(Long.toString(SIGNED_AT), other + ", v2=whatever", BODY, NOW).failure())
                .isEqualTo(Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void should_never_reveal_the_secret_or_the_expected_signature_in_a_failure() {
        String wrong = "v1=" + "0".repeat(64);
        for (Verification result : new Verification[] {
                verify(Long.toString(SIGNED_AT), wrong, BODY, NOW),
                verify(Long.toString(SIGNED_AT), wrong, BODY, NOW.plusSeconds(3600)),
                verify("x", wrong, BODY, NOW)}) {
            assertThat(result.toString()).doesNotContain(SECRET).doesNotContain(BODY_SIGNATURE.substring(3));
        }
    }

    @Test
    void should_refuse_to_sign_or_verify_without_a_secret_and_not_echo_it() {
        assertThatThrownBy(() -> WebhookSignature.sign(" ", SIGNED_AT, BODY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no webhook secret");
        assertThatThrownBy(() -> WebhookSignature.verify(null, "1", BODY_SIGNATURE, BODY, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no webhook secret");
    }

    private static Verification verify(String timestamp, String signature, byte[] body, Instant now) {
        return WebhookSignature.verify(SECRET, timestamp, signature, body, now);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

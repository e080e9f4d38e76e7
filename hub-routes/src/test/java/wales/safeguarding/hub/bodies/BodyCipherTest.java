package wales.safeguarding.hub.bodies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class BodyCipherTest {

    private static final SecretKey KEY_2026 = key(1);
    private static final SecretKey KEY_2027 = key(2);
    private static final byte[] BODY = "{\"child\":{\"name\":\"Cerys Jones\"},\"concern\":\"bruising\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final UUID messageId = UUID.randomUUID();
    private final String context = BodyCipher.messageContext(messageId);
    private final BodyCipher cipher = new BodyCipher(KeyRing.of("k2026", Map.of("k2026", KEY_2026)), new SecureRandom());

    @Test
    void should_give_back_the_body_it_sealed_and_store_no_clear_text() {
        SealedBody sealed = cipher.seal(context, BODY);

        assertThat(sealed.keyId()).isEqualTo("k2026");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("Cerys");
        assertThat(sealed.ciphertext()).hasSize(12 + BODY.length + 16);
        assertThat(sealed.wrappedKey()).hasSize(12 + 32 + 16);
        assertThat(cipher.open(context, sealed)).isEqualTo(BODY);
    }

    @Test
    void should_use_a_new_data_key_and_nonce_for_each_body() {
        SealedBody first = cipher.seal(context, BODY);
        SealedBody second = cipher.seal(context, BODY);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.wrappedKey()).isNotEqualTo(second.wrappedKey());
    }

    @Test
    void should_not_open_a_body_with_another_key_under_the_same_id() {
        SealedBody sealed = cipher.seal(context, BODY);
        BodyCipher impostor = new BodyCipher(KeyRing.of("k2026", Map.of("k2026", KEY_2027)), new SecureRandom());

        assertThatThrownBy(() -> impostor.open(context, sealed)).isInstanceOf(UnreadableBodyException.class)
                .hasMessageContaining("k2026").hasMessageNotContaining("Cerys");
    }

    @Test
    void should_not_open_a_body_whose_key_the_hub_does_not_hold() {
        SealedBody sealed = cipher.seal(context, BODY);
        BodyCipher other = new BodyCipher(KeyRing.of("k2027", Map.of("k2027", KEY_2027)), new SecureRandom());

        assertThatThrownBy(() -> other.open(context, sealed)).isInstanceOf(UnreadableBodyException.class)
                .hasMessageContaining("under key k2026, which the hub does not hold");
    }

    @Test
    void should_refuse_a_body_altered_by_one_bit() {
        SealedBody sealed = cipher.seal(context, BODY);
        byte[] altered = sealed.ciphertext().clone();
        altered[20] ^= 1;

        assertThatThrownBy(() -> cipher.open(context, new SealedBody("k2026", sealed.wrappedKey(), altered)))
                .isInstanceOf(UnreadableBodyException.class).hasMessageContaining("does not authenticate");
    }

    @Test
    void should_refuse_a_wrapped_data_key_altered_or_cut_short() {
        SealedBody sealed = cipher.seal(context, BODY);
        byte[] altered = sealed.wrappedKey().clone();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(context, new SealedBody("k2026", altered, sealed.ciphertext())))
                .isInstanceOf(UnreadableBodyException.class);
        assertThatThrownBy(() -> cipher.open(context,
                new SealedBody("k2026", Arrays.copyOf(sealed.wrappedKey(), 10), sealed.ciphertext())))
                .isInstanceOf(UnreadableBodyException.class);
    }

    @Test
    void should_not_open_a_body_moved_to_another_message_row() {
        SealedBody sealed = cipher.seal(context, BODY);
        String otherRow = BodyCipher.messageContext(UUID.randomUUID());

        assertThatThrownBy(() -> cipher.open(otherRow, sealed)).isInstanceOf(UnreadableBodyException.class);
    }

    @Test
    void should_not_open_a_message_body_copied_into_an_inbox_row_or_another_agencys_inbox() {
        SealedBody copy = cipher.seal(BodyCipher.inboxContext("council-w06000015", messageId), BODY);

        assertThatThrownBy(() -> cipher.open(BodyCipher.inboxContext("school-6699001", messageId), copy))
                .isInstanceOf(UnreadableBodyException.class);
        assertThatThrownBy(() -> cipher.open(context, copy)).isInstanceOf(UnreadableBodyException.class);
    }

    @Test
    void should_not_open_a_wrapped_key_relabelled_with_another_key_id() {
        BodyCipher both = new BodyCipher(KeyRing.of("k2026", Map.of("k2026", KEY_2026, "k2027", KEY_2026)),
                new SecureRandom());
        SealedBody sealed = both.seal(context, BODY);

        assertThatThrownBy(() -> both.open(context, new SealedBody("k2027", sealed.wrappedKey(), sealed.ciphertext())))
                .isInstanceOf(UnreadableBodyException.class);
    }

    @Test
    void should_still_open_rows_written_under_older_keys_after_two_rotations() {
        SealedBody under2026 = cipher.seal(context, BODY);
        BodyCipher after2027 = new BodyCipher(KeyRing.of("k2027", Map.of("k2026", KEY_2026, "k2027", KEY_2027)),
                new SecureRandom());
        SealedBody under2027 = after2027.seal(context, BODY);
        BodyCipher after2028 = new BodyCipher(KeyRing.of("k2028",
                Map.of("k2026", KEY_2026, "k2027", KEY_2027, "k2028", key(3))), new SecureRandom());

        assertThat(under2027.keyId()).isEqualTo("k2027");
        assertThat(after2028.open(context, under2026)).isEqualTo(BODY);
        assertThat(after2028.open(context, under2027)).isEqualTo(BODY);
        assertThat(after2028.seal(context, BODY).keyId()).isEqualTo("k2028");
    }

    @Test
    void should_rewrap_only_the_data_key_so_the_old_key_can_go() {
        SealedBody under2026 = cipher.seal(context, BODY);
        BodyCipher rotated = new BodyCipher(KeyRing.of("k2027", Map.of("k2026", KEY_2026, "k2027", KEY_2027)),
                new SecureRandom());

        SealedBody moved = rotated.rewrap(context, under2026);

        assertThat(moved.keyId()).isEqualTo("k2027");
        assertThat(moved.ciphertext()).isEqualTo(under2026.ciphertext());
        assertThat(rotated.isCurrent(moved)).isTrue();
        BodyCipher without2026 = new BodyCipher(KeyRing.of("k2027", Map.of("k2027", KEY_2027)), new SecureRandom());
        assertThat(without2026.open(context, moved)).isEqualTo(BODY);
        assertThat(rotated.rewrap(context, moved)).isSameAs(moved);
    }

    @Test
    void should_read_a_row_stored_in_clear_before_encryption_and_encrypt_it_on_rewrap() {
        SealedBody plain = SealedBody.plain(BODY);

        assertThat(cipher.open(context, plain)).isEqualTo(BODY);
        SealedBody encrypted = cipher.rewrap(context, plain);
        assertThat(encrypted.isPlain()).isFalse();
        assertThat(encrypted.keyId()).isEqualTo("k2026");
        assertThat(cipher.open(context, encrypted)).isEqualTo(BODY);
    }

    @Test
    void should_carry_a_sealed_copy_on_the_broker_as_one_byte_string_and_a_copy_from_before_as_it_is() {
        String copyContext = BodyCipher.copyContext("council-w06000015", messageId);
        SealedBody sealed = cipher.seal(copyContext, BODY);

        byte[] wire = sealed.toWire();

        assertThat(wire).hasSize(BodyCipher.WRAPPED_KEY_BYTES + sealed.ciphertext().length);
        assertThat(cipher.open(copyContext, SealedBody.fromWire("k2026", wire))).isEqualTo(BODY);
        assertThat(cipher.open(copyContext, SealedBody.fromWire(null, BODY))).isEqualTo(BODY);
        assertThatThrownBy(() -> SealedBody.fromWire("k2026", new byte[10])).isInstanceOf(UnreadableBodyException.class);
        assertThatThrownBy(() -> cipher.open(BodyCipher.copyContext("school-6699001", messageId),
                SealedBody.fromWire("k2026", wire))).isInstanceOf(UnreadableBodyException.class);
    }

    @Test
    void should_open_a_stored_body_only_when_asked_and_once() {
        int[] opened = {0};
        BodyKeys counting = new BodyKeys() {
            @Override
            public String currentId() {
                return "k2026";
            }

            @Override
            public java.util.Optional<SecretKey> key(String id) {
                opened[0]++;
                return java.util.Optional.of(KEY_2026);
            }
        };
        BodyCipher countingCipher = new BodyCipher(counting, new SecureRandom());
        SealedBody sealed = countingCipher.seal(context, BODY);
        opened[0] = 0;

        Body body = Body.sealed(context, sealed, countingCipher);
        assertThat(opened[0]).isZero();
        assertThat(body.open()).isEqualTo(BODY);
        assertThat(body.open()).isEqualTo(BODY);
        assertThat(opened[0]).isEqualTo(1);
    }

    private static SecretKey key(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        return new SecretKeySpec(bytes, "AES");
    }
}

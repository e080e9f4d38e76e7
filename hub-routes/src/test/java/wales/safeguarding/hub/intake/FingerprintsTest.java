package wales.safeguarding.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.DerivedIds;

/**
 * Issue 11 finding 7 ("payload_sha256 in clear"): the fingerprint kept of a message's content is keyed, so that a
 * copy of the database cannot be checked against a guessed message, and still tells a resubmission from a reused id.
 */
class FingerprintsTest {

    private static final String KEY = "a-test-key-of-at-least-thirty-two-bytes-0001";
    private static final String NEW_KEY = "a-test-key-of-at-least-thirty-two-bytes-0002";

    private static ObjectNode message(String given) {
        ObjectNode m = CanonicalJson.mapper().createObjectNode();
        m.put("messageId", "0e8f3c54-8a57-4b0c-9a35-2a1c3f4b9d01").put("type", "duty-to-report");
        m.putObject("body").putObject("child").put("given", given).put("dateOfBirth", "2015-03-01");
        return m;
    }

    @Test
    void the_digest_does_not_depend_on_the_order_of_the_fields() {
        ObjectNode a = CanonicalJson.mapper().createObjectNode().put("x", 1).put("y", "two");
        ObjectNode b = CanonicalJson.mapper().createObjectNode().put("y", "two").put("x", 1);
        assertThat(Fingerprints.digest(a)).isEqualTo(Fingerprints.digest(b));
    }

    @Test
    void what_is_stored_is_keyed_and_shows_nothing_of_the_plain_hash() {
        String digest = Fingerprints.digest(message("Alys"));
        String stored = Fingerprints.keyed(new DerivedIds(KEY), digest);
        assertThat(stored).startsWith(Fingerprints.KEYED).doesNotContain(digest);
        // a guess checked without the key does not match: the guesser can only compute the plain hash
        assertThat(stored).isNotEqualTo(Fingerprints.KEYED + digest);
        assertThat(Fingerprints.keyed(new DerivedIds(NEW_KEY), digest)).isNotEqualTo(stored);
    }

    @Test
    void a_resubmission_matches_and_other_content_does_not() {
        DerivedIds keys = new DerivedIds(KEY);
        String stored = Fingerprints.keyed(keys, Fingerprints.digest(message("Alys")));
        assertThat(Fingerprints.matches(keys, stored, Fingerprints.digest(message("Alys")))).isTrue();
        assertThat(Fingerprints.matches(keys, stored, Fingerprints.digest(message("Alis")))).isFalse();
        assertThat(Fingerprints.matches(keys, null, Fingerprints.digest(message("Alys")))).isFalse();
    }

    @Test
    void a_fingerprint_stored_under_the_previous_key_matches_during_a_rotation_and_not_after() {
        String digest = Fingerprints.digest(message("Alys"));
        String stored = Fingerprints.keyed(new DerivedIds(KEY), digest);
        assertThat(Fingerprints.matches(new DerivedIds(NEW_KEY, KEY), stored, digest)).isTrue();
        assertThat(Fingerprints.matches(new DerivedIds(NEW_KEY), stored, digest)).isFalse();
    }

    @Test
    void a_plain_hash_stored_before_still_matches_and_is_keyed_by_the_upgrade_without_the_body() {
        DerivedIds keys = new DerivedIds(KEY);
        String digest = Fingerprints.digest(message("Alys"));
        assertThat(Fingerprints.matches(keys, digest, digest)).isTrue();
        String upgraded = Fingerprints.upgraded(keys, digest);
        assertThat(upgraded).isEqualTo(Fingerprints.keyed(keys, digest));
        assertThat(Fingerprints.upgraded(keys, upgraded)).isEqualTo(upgraded);
        assertThat(Fingerprints.matches(keys, upgraded, digest)).isTrue();
    }
}

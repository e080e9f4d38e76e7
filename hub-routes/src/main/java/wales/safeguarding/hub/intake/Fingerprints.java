package wales.safeguarding.hub.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.DerivedIds;

/**
 * The fingerprint the hub keeps of each message's content, so that the same message sent again (200, a duplicate)
 * is told from a reused id (409): {@code k1:} and the HMAC-SHA256, under the hub's message-id key, of the SHA-256 of
 * the message as sent with its fields sorted. Keyed (issue 11), so that a copy of the database tells nothing about a
 * body: a plain hash could be checked against a guessed message (a child's name and date of birth in a known
 * template). Rows stored before were the plain hash; they are still recognised until {@link FingerprintUpgrade} has
 * keyed them, which needs only the stored hash, not the body.
 */
public final class Fingerprints {

    /** The prefix of a keyed fingerprint; a stored value without it is a plain SHA-256 from before. */
    public static final String KEYED = "k1:";
    private static final String PURPOSE = "message-fingerprint";

    private Fingerprints() {
    }

    /** The SHA-256 of the message as sent, independent of the order of its fields (hex). */
    public static String digest(JsonNode tree) {
        try {
            byte[] canonical = CanonicalJson.mapper().writer()
                    .with(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                    .without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(tree);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a message", e);
        }
    }

    /** What is stored for a message of this digest: keyed under the current key. */
    public static String keyed(DerivedIds keys, String digest) {
        return KEYED + keys.mac(PURPOSE, digest);
    }

    /**
     * Whether a stored fingerprint is that of a message with this digest: keyed under the current or (during a
     * rotation) the previous key, or a plain hash stored before fingerprints were keyed.
     */
    public static boolean matches(DerivedIds keys, String stored, String digest) {
        if (stored == null) {
            return false;
        }
        if (stored.startsWith(KEYED)) {
            return keys.macs(PURPOSE, digest).contains(stored.substring(KEYED.length()));
        }
        return stored.equals(digest);
    }

    /** A stored fingerprint as it should be now: a plain hash keyed; a keyed one left as it is. */
    public static String upgraded(DerivedIds keys, String stored) {
        return stored.startsWith(KEYED) ? stored : keyed(keys, stored);
    }
}

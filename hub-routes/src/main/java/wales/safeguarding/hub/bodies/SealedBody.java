package wales.safeguarding.hub.bodies;

import java.util.Objects;

/**
 * A body as a row stores it. {@code keyId} names the key-encryption key that wrapped {@code wrappedKey} (the row's own
 * data key), and {@code ciphertext} is the body under that data key; {@code keyId} {@link BodyKeys#PLAIN} marks a row
 * written before encryption, whose {@code ciphertext} is the body in clear and {@code wrappedKey} null.
 * {@link #toString()} shows no bytes.
 */
public record SealedBody(String keyId, byte[] wrappedKey, byte[] ciphertext) {

    public SealedBody {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (!BodyKeys.PLAIN.equals(keyId)) {
            Objects.requireNonNull(wrappedKey, "wrappedKey");
        }
    }

    public static SealedBody plain(byte[] clear) {
        return new SealedBody(BodyKeys.PLAIN, null, clear);
    }

    public boolean isPlain() {
        return BodyKeys.PLAIN.equals(keyId);
    }

    @Override
    public String toString() {
        return "SealedBody[" + keyId + ", " + ciphertext.length + " bytes]";
    }
}

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

    /**
     * As one byte string, for a broker message (whose properties cannot hold bytes): the wrapped data key, then the
     * ciphertext; the key id travels as a property. A plain body is its clear bytes.
     */
    public byte[] toWire() {
        if (isPlain()) {
            return ciphertext;
        }
        byte[] wire = new byte[wrappedKey.length + ciphertext.length];
        System.arraycopy(wrappedKey, 0, wire, 0, wrappedKey.length);
        System.arraycopy(ciphertext, 0, wire, wrappedKey.length, ciphertext.length);
        return wire;
    }

    /** The inverse of {@link #toWire()}; no key id (a copy queued before encryption) is a plain body. */
    public static SealedBody fromWire(String keyId, byte[] wire) {
        if (keyId == null || BodyKeys.PLAIN.equals(keyId)) {
            return plain(wire == null ? new byte[0] : wire);
        }
        if (wire == null || wire.length < BodyCipher.WRAPPED_KEY_BYTES) {
            throw new UnreadableBodyException("a sealed copy under key " + keyId + " is too short");
        }
        return new SealedBody(keyId, java.util.Arrays.copyOf(wire, BodyCipher.WRAPPED_KEY_BYTES),
                java.util.Arrays.copyOfRange(wire, BodyCipher.WRAPPED_KEY_BYTES, wire.length));
    }

    public boolean isPlain() {
        return BodyKeys.PLAIN.equals(keyId);
    }

    @Override
    public String toString() {
        return "SealedBody[" + keyId + ", " + ciphertext.length + " bytes]";
    }
}

package wales.safeguarding.hub.bodies;

import java.util.Objects;

/**
 * A stored body, opened only when asked: reading a row's ids, type or case costs no decryption; {@link #open()}
 * decrypts once and keeps the clear bytes for this object's (one request's) lifetime.
 */
public final class Body {

    private final String context;
    private final SealedBody sealed;
    private final BodyCipher cipher;
    private volatile byte[] clear;

    private Body(String context, SealedBody sealed, BodyCipher cipher, byte[] clear) {
        this.context = context;
        this.sealed = sealed;
        this.cipher = cipher;
        this.clear = clear;
    }

    /** A body in hand (about to be stored). */
    public static Body clear(byte[] clear) {
        return new Body(null, null, null, Objects.requireNonNull(clear, "clear"));
    }

    /** A body as a row holds it, opened with {@code cipher} for the row {@code context} when asked. */
    public static Body sealed(String context, SealedBody sealed, BodyCipher cipher) {
        return new Body(Objects.requireNonNull(context, "context"), Objects.requireNonNull(sealed, "sealed"),
                Objects.requireNonNull(cipher, "cipher"), null);
    }

    /** The body in clear (decrypted on the first call). */
    public byte[] open() {
        byte[] bytes = clear;
        if (bytes == null) {
            bytes = cipher.open(context, sealed);
            clear = bytes;
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "Body[" + (sealed == null ? "in hand" : sealed.keyId()) + "]";
    }
}

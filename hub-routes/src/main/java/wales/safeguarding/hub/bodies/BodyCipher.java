package wales.safeguarding.hub.bodies;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of message bodies at rest, AES-256-GCM from the JDK. Each body gets a fresh 256-bit data key;
 * the body is encrypted under it (one AES-GCM pass over the body) and the data key is wrapped by the current
 * key-encryption key (one AES-GCM pass over 32 bytes). The row keeps the KEK's id, the wrapped data key and the
 * ciphertext ({@link SealedBody}); the KEK never reaches the database.
 *
 * <p>Both passes take the row's {@code context} (e.g. {@code message/<id>}) as additional authenticated data, and the
 * wrap also the KEK id: a ciphertext copied onto another row, or a wrapped key relabelled with another key id, fails
 * to open. A rotation re-wraps only the 32-byte data key ({@link #rewrap}); the body's ciphertext is not touched.
 *
 * <p>Layout of {@code ciphertext} and {@code wrappedKey}: a 12-byte random nonce, then the GCM output (with its
 * 16-byte tag). A random nonce per data key is safe: each data key encrypts exactly one body.
 */
public final class BodyCipher {

    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    public static final int KEY_BYTES = 32;
    /** The length of a wrapped data key: nonce, the 32-byte key, tag. */
    public static final int WRAPPED_KEY_BYTES = NONCE_BYTES + KEY_BYTES + TAG_BITS / 8;

    private final BodyKeys keys;
    private final SecureRandom random;

    public BodyCipher(BodyKeys keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** {@code clear} encrypted for the row {@code context} under a new data key wrapped by the current KEK. */
    public SealedBody seal(String context, byte[] clear) {
        String keyId = keys.currentId();
        SecretKey kek = kek(keyId, context);
        try {
            // what KeyGenerator("AES") does with this SecureRandom, without its provider lookup on every body
            byte[] dekBytes = new byte[KEY_BYTES];
            random.nextBytes(dekBytes);
            SecretKey dek = new SecretKeySpec(dekBytes, "AES");
            Arrays.fill(dekBytes, (byte) 0);
            byte[] ciphertext = encrypt(dek, clear, aad(context));
            byte[] wrapped = encrypt(kek, dek.getEncoded(), aad(context + "|" + keyId));
            return new SealedBody(keyId, wrapped, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    /** The body in clear; a plain row as it is. */
    public byte[] open(String context, SealedBody sealed) {
        if (sealed.isPlain()) {
            return sealed.ciphertext();
        }
        SecretKey dek = unwrap(context, sealed);
        try {
            return decrypt(dek, sealed.ciphertext(), aad(context));
        } catch (GeneralSecurityException e) {
            throw new UnreadableBodyException("the body of " + context + " does not authenticate under its data key "
                    + "(key " + sealed.keyId() + "): altered, or moved from another row", e);
        }
    }

    /**
     * The row under the current KEK: a sealed row gets its data key re-wrapped (the body's ciphertext stays as it is),
     * a plain row is encrypted. A row already under the current key is returned as it is.
     */
    public SealedBody rewrap(String context, SealedBody sealed) {
        String current = keys.currentId();
        if (current.equals(sealed.keyId())) {
            return sealed;
        }
        if (sealed.isPlain()) {
            return seal(context, sealed.ciphertext());
        }
        SecretKey dek = unwrap(context, sealed);
        try {
            byte[] wrapped = encrypt(kek(current, context), dek.getEncoded(), aad(context + "|" + current));
            return new SealedBody(current, wrapped, sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    /** The id of the key that wraps what is written now. */
    public String currentKeyId() {
        return keys.currentId();
    }

    /** Whether {@code sealed} is under the current KEK (nothing for a re-wrap to do). */
    public boolean isCurrent(SealedBody sealed) {
        return keys.currentId().equals(sealed.keyId());
    }

    private SecretKey unwrap(String context, SealedBody sealed) {
        SecretKey kek = kek(sealed.keyId(), context);
        byte[] dek;
        try {
            dek = decrypt(kek, sealed.wrappedKey(), aad(context + "|" + sealed.keyId()));
        } catch (GeneralSecurityException e) {
            throw new UnreadableBodyException("the data key of " + context + " does not authenticate under key "
                    + sealed.keyId() + ": altered, moved from another row, or the key file changed", e);
        }
        try {
            return new SecretKeySpec(dek, "AES");
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    private SecretKey kek(String keyId, String context) {
        return keys.key(keyId).orElseThrow(() -> new UnreadableBodyException("the body of " + context
                + " is under key " + keyId + ", which the hub does not hold (hub.bodies.keys-dir)"));
    }

    private byte[] encrypt(SecretKey key, byte[] clear, byte[] aad) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = CIPHERS.get();
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(clear.length));
        out.put(nonce);
        cipher.doFinal(ByteBuffer.wrap(clear), out);
        return out.array();
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, byte[] aad) throws GeneralSecurityException {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new javax.crypto.AEADBadTagException("too short to be a sealed value");
        }
        Cipher cipher = CIPHERS.get();
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    /**
     * One AES-GCM cipher per thread, initialised afresh (key and a new nonce) for every use: {@code Cipher.getInstance}
     * walks the security providers each time, a measurable share of the hub's CPU when done five times a message.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(AES_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    });

    private static byte[] aad(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The AAD context of a message's own body. */
    public static String messageContext(java.util.UUID messageId) {
        return "message/" + messageId;
    }

    /** The AAD context of a recipient's copy on the broker (its delivery queue, and the dead-letter queue). */
    public static String copyContext(String recipient, java.util.UUID messageId) {
        return "copy/" + recipient + "/" + messageId;
    }

    /** The AAD context of a recipient's copy in its inbox. */
    public static String inboxContext(String recipient, java.util.UUID messageId) {
        return "inbox/" + recipient + "/" + messageId;
    }
}

package wales.safeguarding.hub.bodies;

import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import wales.safeguarding.hub.secrets.SecretFolder;
import wales.safeguarding.hub.secrets.UnusableSecretException;

/**
 * Key-encryption keys by id. From the secret mount: the file {@code body-key.<id>} holds the key {@code <id>} as
 * base64 of 32 random bytes ({@code openssl rand -base64 32}); the folder keeps every key still named by a row, and
 * {@code hub.bodies.current-key} says which one wraps new bodies. Files are read through {@link SecretFolder}
 * (re-read when they change, never logged).
 */
public final class KeyRing {

    /** The file name prefix of a key in the secret folder. */
    public static final String FILE_PREFIX = "body-key.";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private KeyRing() {
    }

    /** Whether {@code id} can name a key: letters, digits, '-' and '_', and never {@link BodyKeys#PLAIN}. */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches() && !BodyKeys.PLAIN.equals(id);
    }

    /** Keys held in memory (tests, the demo's fixed key). */
    public static BodyKeys of(String currentId, Map<String, SecretKey> keys) {
        Map<String, SecretKey> copy = Map.copyOf(keys);
        requireCurrent(currentId, copy.containsKey(currentId));
        return new BodyKeys() {
            @Override
            public String currentId() {
                return currentId;
            }

            @Override
            public Optional<SecretKey> key(String id) {
                return Optional.ofNullable(copy.get(id));
            }

            @Override
            public String toString() {
                return "KeyRing[current " + currentId + ", " + copy.size() + " keys]";
            }
        };
    }

    /**
     * Keys from the secret folder; the current key must be there now (fails fast otherwise).
     *
     * @throws IllegalStateException when the current id is not a key id or its file is missing or unusable
     */
    public static BodyKeys fromFolder(SecretFolder folder, String currentId) {
        Objects.requireNonNull(folder, "folder");
        BodyKeys keys = new BodyKeys() {
            @Override
            public String currentId() {
                return currentId;
            }

            @Override
            public Optional<SecretKey> key(String id) {
                if (!isId(id)) {
                    return Optional.empty();
                }
                return folder.read(FILE_PREFIX + id).map(v -> parse(v.current(), folder.folder() + "/" + FILE_PREFIX + id));
            }

            @Override
            public String toString() {
                return "KeyRing[current " + currentId + ", " + folder + "]";
            }
        };
        boolean present;
        try {
            present = isId(currentId) && keys.key(currentId).isPresent();
        } catch (UnusableSecretException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        requireCurrent(currentId, present);
        return keys;
    }

    /** A 256-bit AES key from base64; the message names {@code where}, never the value. */
    public static SecretKey parse(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new UnusableSecretException("the body key " + where + " must be base64 (openssl rand -base64 32)");
        }
        if (bytes.length != BodyCipher.KEY_BYTES) {
            throw new UnusableSecretException("the body key " + where + " must be " + BodyCipher.KEY_BYTES
                    + " bytes (256 bits) in base64, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static void requireCurrent(String currentId, boolean present) {
        if (!isId(currentId)) {
            throw new IllegalStateException("hub.bodies.current-key must name a body key (letters, digits, '-', '_'; "
                    + "not '" + BodyKeys.PLAIN + "'), not " + (currentId == null || currentId.isBlank() ? "nothing"
                    : "'" + currentId + "'"));
        }
        if (!present) {
            throw new IllegalStateException("the current body key " + currentId + " is not there: put the file "
                    + FILE_PREFIX + currentId + " in hub.bodies.keys-dir");
        }
    }
}

package wales.safeguarding.hub.bodies;

import java.util.Optional;

import javax.crypto.SecretKey;

/**
 * The key-encryption keys (KEKs) that wrap each body's data key, by id. One is current (it wraps what is written
 * now); any other id a stored row names stays readable while its key is still held, so a rotation never strands a
 * row, however many rotations ago it was written.
 */
public interface BodyKeys {

    /** The id that marks a row stored in clear (written before bodies were encrypted); never a key's id. */
    String PLAIN = "plain";

    /** The id of the key that wraps what is written now. */
    String currentId();

    /** The key {@code id}, if the hub holds it. */
    Optional<SecretKey> key(String id);
}

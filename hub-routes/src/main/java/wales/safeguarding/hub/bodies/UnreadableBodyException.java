package wales.safeguarding.hub.bodies;

/**
 * A stored body cannot be opened: its key is not held (a key removed before the re-wrap moved its rows), or the
 * bytes do not authenticate (tampered, or moved from another row). The message names the key id and the row's
 * context, never bytes of the body or of a key.
 */
public class UnreadableBodyException extends IllegalStateException {

    public UnreadableBodyException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableBodyException(String message) {
        super(message);
    }
}

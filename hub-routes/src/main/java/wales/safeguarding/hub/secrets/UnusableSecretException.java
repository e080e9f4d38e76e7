package wales.safeguarding.hub.secrets;

import wales.safeguarding.schemas.spi.UnsendableMessageException;

/**
 * A secret exists but cannot be used: a file that is empty, unreadable, too large or a folder, or a
 * {@code previous-until} that is not an instant.
 * The message names the file or key and the rule, never the value. A delivery that needs it is dead-lettered with this
 * reason (the hub treats it as an unsendable message), and replayed once the file is mended.
 */
public class UnusableSecretException extends UnsendableMessageException {

    public UnusableSecretException(String reason) {
        super(reason);
    }
}

package wales.safeguarding.schemas.spi;

/**
 * Thrown by an adapter that cannot make a valid request for the agency from a canonical message (for example the
 * FHIR resources it built fail validation). The hub never sends it: the delivery is dead-lettered with the reason,
 * and an operator can replay it once the cause is fixed. The reason names fields and rules, never their values.
 */
public class UnsendableMessageException extends RuntimeException {

    public UnsendableMessageException(String reason) {
        super(reason);
    }

    public UnsendableMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

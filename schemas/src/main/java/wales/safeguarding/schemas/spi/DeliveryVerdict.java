package wales.safeguarding.schemas.spi;

/**
 * What an agency system's answer means.
 *
 * @param outcome            delivered, try again later, or never try again
 * @param reason             why, in words an operator can act on (never message content)
 * @param recipientReference the agency's own reference for the message, when it gives one
 */
public record DeliveryVerdict(Outcome outcome, String reason, String recipientReference) {

    public enum Outcome { DELIVERED, TRANSIENT_FAILURE, PERMANENT_FAILURE }

    public static DeliveryVerdict delivered(String recipientReference) {
        return new DeliveryVerdict(Outcome.DELIVERED, "accepted by the agency system", recipientReference);
    }

    public static DeliveryVerdict transientFailure(String reason) {
        return new DeliveryVerdict(Outcome.TRANSIENT_FAILURE, reason, null);
    }

    public static DeliveryVerdict permanentFailure(String reason) {
        return new DeliveryVerdict(Outcome.PERMANENT_FAILURE, reason, null);
    }
}

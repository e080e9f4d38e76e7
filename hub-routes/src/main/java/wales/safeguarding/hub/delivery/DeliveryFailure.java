package wales.safeguarding.hub.delivery;

/**
 * An attempt to deliver failed. {@link Transient}: the agency system is down or busy, try again later.
 * {@link Permanent}: it refused the message, trying again will not help. {@link Exhausted}: it kept failing and this
 * was the last attempt the policy allows. {@link Unreadable}: the copy on the queue names no message. The message
 * never carries content.
 */
public abstract sealed class DeliveryFailure extends RuntimeException {

    protected DeliveryFailure(String reason) {
        super(reason, null, false, false);
    }

    public static final class Transient extends DeliveryFailure {
        public Transient(String reason) {
            super(reason);
        }
    }

    public static final class Permanent extends DeliveryFailure {
        public Permanent(String reason) {
            super("refused: " + reason);
        }
    }

    /** A copy on a delivery queue that does not say which message or recipient it is: nothing to retry. */
    public static final class Unreadable extends DeliveryFailure {
        public Unreadable(String reason) {
            super("unreadable copy: " + reason);
        }
    }

    public static final class Exhausted extends DeliveryFailure {
        public Exhausted(int attempts, java.time.Duration failingFor, String reason) {
            super("gave up after " + attempts + " attempts in " + words(failingFor) + ": " + reason);
        }

        private static String words(java.time.Duration d) {
            if (d.toHours() >= 1) {
                return d.toHours() + " h" + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + " min" : "");
            }
            return d.toMinutes() >= 1 ? d.toMinutes() + " min" : Math.max(0, d.toSeconds()) + " s";
        }
    }
}

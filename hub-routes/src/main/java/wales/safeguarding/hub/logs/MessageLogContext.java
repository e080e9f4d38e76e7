package wales.safeguarding.hub.logs;

import org.jboss.logging.MDC;

/**
 * The message a thread is working on, in the logging context (MDC) for as long as it works on it: every log line
 * written meanwhile carries {@code messageId}, {@code messageType} and {@code recipient} (or {@code sender} at intake)
 * as fields of its JSON object in production, so an operator finds every line about one message with one query.
 * Ids and kinds only, never a body or a child's identifier. Close it (try-with-resources) on the thread that opened
 * it: worker threads are reused.
 */
public final class MessageLogContext implements AutoCloseable {

    public static final String MESSAGE_ID = "messageId";
    public static final String MESSAGE_TYPE = "messageType";
    public static final String RECIPIENT = "recipient";
    public static final String SENDER = "sender";
    private static final String[] KEYS = {MESSAGE_ID, MESSAGE_TYPE, RECIPIENT, SENDER};

    private MessageLogContext() {
    }

    /** A delivery of one copy: the message, its type and the agency it is for (any may be null). */
    public static MessageLogContext delivery(String messageId, String messageType, String recipient) {
        put(MESSAGE_ID, messageId);
        put(MESSAGE_TYPE, messageType);
        put(RECIPIENT, recipient);
        return new MessageLogContext();
    }

    /** A message coming in: its id, type and sender, once they are read (the context is already open). */
    public static void intake(String messageId, String messageType, String sender) {
        put(MESSAGE_ID, messageId);
        put(MESSAGE_TYPE, messageType);
        put(SENDER, sender);
    }

    /** An intake whose message is not read yet; {@link #intake} fills it in. */
    public static MessageLogContext open() {
        return new MessageLogContext();
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        for (String key : KEYS) {
            MDC.remove(key);
        }
    }
}

package wales.safeguarding.schemas.spi;

/**
 * Names of the headers the hub puts on broker messages and on requests to agency systems. One place, so no
 * route spells one differently.
 */
public final class HubHeaders {

    /** Broker property: the canonical message id. */
    public static final String MESSAGE_ID = "HubMessageId";
    /** Broker property: the recipient agency id of this copy. */
    public static final String RECIPIENT = "HubRecipient";
    /** Broker property: the message type (wire name). */
    public static final String MESSAGE_TYPE = "HubMessageType";
    /** Broker property: why a delivery was dead-lettered. */
    public static final String FAILURE_REASON = "HubFailureReason";
    /** Broker property: the route that gave up. */
    public static final String FAILED_ROUTE = "HubFailedRoute";
    /** Broker property: the endpoint that refused or failed. */
    public static final String FAILED_ENDPOINT = "HubFailedEndpoint";
    /** Broker property: how many attempts were made. */
    public static final String ATTEMPTS = "HubAttempts";
    /** Artemis duplicate detection: one id per message and recipient. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    /** HTTP header to agency systems: the canonical message id, so they can de-duplicate. */
    public static final String HTTP_MESSAGE_ID = "X-Hub-Message-Id";
    /** HTTP header to agency systems: the message type. */
    public static final String HTTP_MESSAGE_TYPE = "X-Hub-Message-Type";

    private HubHeaders() {
    }
}

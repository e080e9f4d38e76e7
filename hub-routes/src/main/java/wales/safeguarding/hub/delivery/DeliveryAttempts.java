package wales.safeguarding.hub.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.metrics.MessageMetrics;
import wales.safeguarding.hub.tracing.MessageTraces;
import wales.safeguarding.hub.bodies.BodyCipher;
import wales.safeguarding.hub.bodies.BodyVault;
import wales.safeguarding.hub.bodies.SealedBody;
import wales.safeguarding.hub.bodies.UnreadableBodyException;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.delivery.EndpointHealthStore;
import wales.safeguarding.hub.tracking.DeliveryRecord;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.hub.tracking.HeldCopiesRepository;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.schemas.spi.DeliveryVerdict;
import wales.safeguarding.schemas.spi.HubHeaders;
import wales.safeguarding.schemas.spi.OutboundAdapter;
import wales.safeguarding.schemas.spi.OutboundRequest;
import wales.safeguarding.schemas.spi.UnsendableMessageException;

/**
 * The steps of one delivery attempt, called by {@link DeliveryRoute}: begin (idempotency and attempt count), map to
 * the agency's request, read the agency's answer, and record a retry or a dead letter. Every step records its state
 * change; none logs content.
 */
@ApplicationScoped
@Named("deliveryAttempts")
public class DeliveryAttempts {

    private static final Logger LOG = Logger.getLogger(DeliveryAttempts.class);

    static final String MESSAGE_ID = "hubMessageId";
    static final String RECIPIENT = "hubRecipient";
    static final String MESSAGE_TYPE = "hubMessageType";
    static final String ATTEMPT = "hubAttempt";
    static final String SKIP = "hubSkip";
    static final String CANONICAL = "hubCanonicalMessage";
    /** The copy as the broker held it (sealed), for the dead-letter queue. */
    static final String WIRE = "hubWireCopy";
    static final String WIRE_KEY = "hubWireKey";
    static final String PULLS = "hubPulls";
    /** The Camel endpoint that calls the agency: the plain or the TLS one, by the scheme of the agency's URL. */
    static final String AGENCY_ENDPOINT = "hubAgencyEndpoint";
    /** When this copy's first attempt failed (carried on the copy between attempts). */
    static final String FIRST_FAILURE_AT = "hubFirstFailureAt";
    /** What the dispatcher does with the copy after a transient failure: {@link Next}. */
    static final String NEXT = "hubNext";

    /** The copy goes back on the agency's queue for another attempt after {@code after}. */
    public record Next(Duration after, Instant firstFailureAt) {
    }
    // enough for a FHIR response message with its OperationOutcome diagnostics
    private static final int MAX_ANSWER_CHARS = 64 * 1024;

    private final MessageTraces traces;
    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final Directory directory;
    private final OutboundAdapters adapters;
    private final Clock clock;
    private final AgencySecrets secrets;
    private final DeliveryPolicy policy;
    private final String plainEndpoint;
    private final String tlsEndpoint;
    private final EndpointHealthStore health;
    private final BodyCipher cipher;
    private final HeldCopiesRepository held;
    private final HeldCopies heldCopies;
    private final MessageMetrics metrics;

    public DeliveryAttempts(Transactions transactions, TrackingRepository tracking, Directory directory,
            OutboundAdapters adapters, Clock clock, AgencySecrets secrets, DeliveryPolicy policy,
            EndpointHealthStore health, @ConfigProperty(name = "hub.delivery.agency-endpoint") String plainEndpoint,
            @ConfigProperty(name = "hub.delivery.agency-endpoint-tls") String tlsEndpoint, BodyVault vault,
            HeldCopiesRepository held, HeldCopies heldCopies, MessageTraces traces, MessageMetrics metrics) {
        this.metrics = metrics;
        this.traces = traces;
        this.held = held;
        this.heldCopies = heldCopies;
        this.cipher = vault.cipher();
        this.plainEndpoint = plainEndpoint;
        this.tlsEndpoint = tlsEndpoint;
        this.transactions = transactions;
        this.tracking = tracking;
        this.directory = directory;
        this.adapters = adapters;
        this.clock = clock;
        this.secrets = secrets;
        this.policy = policy;
        this.health = health;
    }

    /**
     * Counts the attempt, or marks the exchange to be skipped when this copy already reached the recipient or was
     * dead-lettered (a redelivery after a crash, or a duplicate).
     */
    public void begin(Exchange exchange) {
        Message in = exchange.getIn();
        byte[] wire = in.getBody(byte[].class);
        String keyId = in.getHeader(DeliveryQueues.BODY_KEY, String.class);
        exchange.setProperty(WIRE, wire);
        exchange.setProperty(WIRE_KEY, keyId);
        UUID messageId = readMessageId(in.getHeader(HubHeaders.MESSAGE_ID, String.class));
        String recipient = in.getHeader(HubHeaders.RECIPIENT, String.class);
        if (recipient == null || recipient.isBlank()) {
            throw new DeliveryFailure.Unreadable("no " + HubHeaders.RECIPIENT);
        }
        byte[] copy;
        try {
            copy = cipher.open(BodyCipher.copyContext(recipient, messageId), SealedBody.fromWire(keyId, wire));
        } catch (UnreadableBodyException e) {
            throw new DeliveryFailure.Unreadable(e.getMessage());
        }
        in.setBody(copy);
        exchange.setProperty(CANONICAL, copy);
        exchange.setProperty(MESSAGE_ID, messageId);
        exchange.setProperty(RECIPIENT, recipient);
        exchange.setProperty(MESSAGE_TYPE, in.getHeader(HubHeaders.MESSAGE_TYPE, String.class));
        boolean pulls = directory.find(recipient).map(Agency::pulls).orElse(false);
        exchange.setProperty(PULLS, pulls);
        Integer attempt = transactions.inTransaction(c -> {
            Optional<DeliveryRecord> delivery = tracking.lockDelivery(c, messageId, recipient);
            if (delivery.isEmpty()) {
                return NO_DELIVERY;
            }
            if (delivery.get().state().reachedRecipient()
                    || delivery.get().state() == DeliveryState.DEAD_LETTERED) {
                return null;
            }
            Instant now = clock.instant();
            if (delivery.get().state() == DeliveryState.ACCEPTED) {
                // it was on the queue (its "queued" mark may not be written yet): the outbox sweeper must not send it again
                tracking.transition(c, messageId, recipient, DeliveryState.QUEUED, "taken from the queue", "hub", now);
            }
            // copies about one case reach an agency in the order the hub accepted them (an inbox keeps its own order):
            // a copy with an earlier one still on its way waits in the database (HeldCopies), off the queue
            if (!pulls) {
                Optional<DeliveryState> earlier = held.earlierCopyPending(c, messageId, recipient);
                if (earlier.isPresent()) {
                    if (!held.hold(c, messageId, recipient, now)) {
                        return HELD_AGAIN;
                    }
                    tracking.audit(c, messageId, recipient, "held-back", null, null, earlier.get() == DeliveryState.FAILED
                            ? "behind an earlier copy of the same case, which waits for its retry"
                            : "behind an earlier copy of the same case, on its way", "hub", now);
                    return HELD;
                }
            }
            int n = tracking.countAttempt(c, messageId, recipient);
            tracking.audit(c, messageId, recipient, "delivery-attempt", null, null, "attempt " + n, "hub", now);
            return n;
        });
        if (attempt != null && attempt == NO_DELIVERY) {
            // the broker has a copy the database does not know (accepted after the backup it was restored from):
            // dropped, and said, so that its sender can be asked to send it again (Reconciliation, deploy/README)
            LOG.warnf("dropped a copy of %s for %s: the database has no such delivery (restored from an older backup?);"
                    + " ask its sender to send it again", messageId, recipient);
        }
        boolean noDelivery = attempt != null && attempt == NO_DELIVERY;
        boolean heldBack = attempt != null && (attempt == HELD || attempt == HELD_AGAIN);
        if (attempt != null && attempt == HELD) {
            // the copy ahead may have been marked delivered while this hold was being written, and missed it
            heldCopies.releaseAfter(messageId, recipient);
        }
        exchange.setProperty(SKIP, attempt == null || heldBack || noDelivery);
        exchange.setProperty(ATTEMPT, attempt == null || heldBack || noDelivery ? 0 : attempt);
        if (attempt == null) {
            LOG.infof("skipped %s for %s: already delivered or dead-lettered", messageId, recipient);
        } else if (heldBack) {
            LOG.debugf("held back %s for %s behind an earlier copy of the same case", messageId, recipient);
        }
    }

    private static final int HELD = -1;
    /** The copy names a delivery the database does not have: restored from a backup older than the copy. */
    private static final int NO_DELIVERY = -3;
    /** A second copy of one already held (a duplicate from the broker): dropped, the held one stays. */
    private static final int HELD_AGAIN = -2;

    private static UUID readMessageId(String header) {
        try {
            return UUID.fromString(header);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DeliveryFailure.Unreadable("no readable " + HubHeaders.MESSAGE_ID);
        }
    }

    /** Replaces the exchange with the agency's request, and no hub-internal header on it. */
    public void toAgencyRequest(Exchange exchange) {
        Agency agency = recipient(exchange);
        OutboundAdapter adapter = adapters.forTransport(agency.endpoint().transport());
        OutboundRequest request;
        try {
            request = adapter.toAgencyRequest(exchange.getProperty(CANONICAL, byte[].class),
                    secrets.endpointFor(agency, adapter));
        } catch (UnsendableMessageException e) {
            throw new DeliveryFailure.Permanent("the " + agency.endpoint().transport() + " adapter cannot send it: "
                    + e.getMessage());
        }
        Message in = exchange.getIn();
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_URI, agency.endpoint().url());
        exchange.setProperty(AGENCY_ENDPOINT, agency.endpoint().url().startsWith("https:") ? tlsEndpoint : plainEndpoint);
        // the enum the HTTP component reads: a String here was converted on every request through Camel's type
        // converter lookup (~3% of the hub's CPU under load)
        in.setHeader(Exchange.HTTP_METHOD, httpMethod(request.method()));
        in.setHeader(Exchange.CONTENT_TYPE, request.contentType());
        if (!request.path().isEmpty()) {
            in.setHeader(Exchange.HTTP_PATH, request.path());
        }
        in.setHeader(HubHeaders.HTTP_MESSAGE_ID, exchange.getProperty(MESSAGE_ID, UUID.class).toString());
        in.setHeader(HubHeaders.HTTP_MESSAGE_TYPE, exchange.getProperty(MESSAGE_TYPE, String.class));
        request.headers().forEach(in::setHeader);
        traces.inject(in::setHeader); // traceparent: the agency's system may join the message's trace
        in.setBody(request.body());
    }

    private static HttpMethods httpMethod(String method) {
        try {
            return HttpMethods.valueOf(method.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DeliveryFailure.Permanent("the adapter asked for HTTP method '" + method
                    + "', which the hub cannot send");
        }
    }

    /** Reads the agency's answer: delivered is recorded; anything else is thrown for the error policy. */
    public void recordResponse(Exchange exchange) {
        Agency agency = recipient(exchange);
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String answer = exchange.getMessage().getBody(String.class);
        if (answer != null && answer.length() > MAX_ANSWER_CHARS) {
            answer = answer.substring(0, MAX_ANSWER_CHARS);
        }
        DeliveryVerdict verdict = adapters.forTransport(agency.endpoint().transport()).interpret(status, answer);
        switch (verdict.outcome()) {
            case DELIVERED -> delivered(exchange, status, verdict);
            case TRANSIENT_FAILURE -> throw transientFailure(exchange, verdict.reason());
            case PERMANENT_FAILURE -> throw new DeliveryFailure.Permanent(verdict.reason());
        }
    }

    /** The agency system could not be reached (refused connection, timeout, ...): a transient failure. */
    public void unreachable(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown failure"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        throw transientFailure(exchange, reason);
    }

    /**
     * A transient failure, or, once the agency kind's retry schedule says so (failing for longer than its
     * give-up-after), the end of the retries.
     */
    private DeliveryFailure transientFailure(Exchange exchange, String reason) {
        int attempt = exchange.getProperty(ATTEMPT, 0, Integer.class);
        Instant now = clock.instant();
        Instant firstFailure = exchange.getProperty(FIRST_FAILURE_AT, Instant.class);
        if (firstFailure == null) {
            firstFailure = now;
            exchange.setProperty(FIRST_FAILURE_AT, firstFailure);
        }
        RetrySchedule schedule = policy.retrySchedule(directory.find(exchange.getProperty(RECIPIENT, String.class)).orElse(null));
        if (schedule.givesUp(attempt, firstFailure, now)) {
            return new DeliveryFailure.Exhausted(attempt, Duration.between(firstFailure, now), reason);
        }
        return new DeliveryFailure.Transient(reason);
    }

    private void delivered(Exchange exchange, int status, DeliveryVerdict verdict) {
        MessageTraces.outcome("delivered");
        UUID messageId = exchange.getProperty(MESSAGE_ID, UUID.class);
        String recipient = exchange.getProperty(RECIPIENT, String.class);
        int attempt = exchange.getProperty(ATTEMPT, Integer.class);
        Instant now = clock.instant();
        Delivered done = transactions.inTransaction(c -> {
            tracking.setRecipientReference(c, messageId, recipient, verdict.recipientReference());
            tracking.audit(c, messageId, recipient, "delivery-receipt", null, null, "HTTP " + status + " on attempt "
                    + attempt + (verdict.recipientReference() == null ? "" : ", their reference "
                    + verdict.recipientReference()), recipient, now);
            boolean moved = tracking.transition(c, messageId, recipient, DeliveryState.DELIVERED,
                    "accepted by the agency system", "hub", now);
            // in this transaction: the common case (nothing held behind this copy) costs one query, not another one
            return new Delivered(held.anyHeld(c, messageId, recipient), !moved ? null
                    : tracking.accepted(c, messageId).map(TrackingRepository.Accepted::at).orElse(null));
        });
        if (done.heldBehind()) {
            heldCopies.releaseAfter(messageId, recipient);
        }
        if (done.acceptedAt() != null) {
            // counted when the copy became delivered: a second send of it (at least once) is not a second copy
            metrics.delivered(exchange.getProperty(MESSAGE_TYPE, String.class), recipient,
                    Duration.between(done.acceptedAt(), now));
        }
        health.succeeded(recipient, clock.instant());
        // DEBUG: the audit trail records each delivery ("delivery-receipt"); an INFO line per copy was a measurable
        // share of the hub's CPU (benchmarks/README.md, "Where the hub's CPU goes")
        LOG.debugf("delivered %s to %s on attempt %d", messageId, recipient, attempt);
    }

    /**
     * What the delivered step read in its transaction: a copy held behind this one; its message's acceptance when this
     * attempt moved the copy to delivered (null when it already was).
     */
    private record Delivered(boolean heldBehind, Instant acceptedAt) {
    }

    /** Records a failed attempt that the broker will redeliver. */
    public void recordRetry(Exchange exchange) {
        MessageTraces.outcome("retry");
        UUID messageId = exchange.getProperty(MESSAGE_ID, UUID.class);
        String recipient = exchange.getProperty(RECIPIENT, String.class);
        if (messageId == null) {
            return;
        }
        String reason = reason(exchange);
        int attempt = exchange.getProperty(ATTEMPT, 0, Integer.class);
        Duration wait = policy.retrySchedule(directory.find(recipient).orElse(null)).waitAfter(attempt);
        exchange.setProperty(NEXT, new Next(wait, exchange.getProperty(FIRST_FAILURE_AT, Instant.class)));
        transactions.inTransaction(c -> {
            Instant now = clock.instant();
            if (!tracking.transition(c, messageId, recipient, DeliveryState.FAILED, reason, "hub", now)) {
                tracking.updateLastError(c, messageId, recipient, reason, now);
                tracking.audit(c, messageId, recipient, "attempt-failed", null, null, reason, "hub", now);
            }
            return null;
        });
        metrics.failed(exchange.getProperty(MESSAGE_TYPE, String.class), recipient);
        health.failed(recipient, clock.instant(), LogSafe.reason(reason));
        LOG.warnf("attempt %d to deliver %s to %s failed, next in %s: %s", attempt, messageId, recipient, wait,
                LogSafe.reason(reason));
    }

    /**
     * Records the dead letter and puts the original canonical message back on the exchange, with headers naming the
     * reason, the route and the endpoint, for the dead-letter queue.
     */
    public void recordDeadLetter(Exchange exchange) {
        MessageTraces.outcome("dead-lettered");
        UUID messageId = exchange.getProperty(MESSAGE_ID, UUID.class);
        String recipient = exchange.getProperty(RECIPIENT, String.class);
        int attempt = exchange.getProperty(ATTEMPT, 0, Integer.class);
        String reason = reason(exchange);
        String endpoint = recipient == null ? "none"
                : directory.find(recipient).map(a -> String.valueOf(a.endpoint().url())).orElse("unknown");
        if (messageId != null) {
            transactions.inTransaction(c -> tracking.transition(c, messageId, recipient, DeliveryState.DEAD_LETTERED,
                    reason, "hub", clock.instant()));
            heldCopies.releaseAfter(messageId, recipient);
            // a copy that named no message is not the endpoint's failure
            health.failed(recipient, clock.instant(), LogSafe.reason(reason));
        }
        metrics.deadLettered(exchange.getProperty(MESSAGE_TYPE, String.class), recipient);
        Message in = exchange.getIn();
        in.removeHeaders("*");
        if (messageId != null) {
            // No body: a replay makes the copy again from the stored message, so the dead-letter queue holds nothing
            // of the child, nothing the retention purge would have to reach on the broker, and nothing a body-key
            // rotation would have to re-wrap. The agency's own words stay in the tracking record only.
            in.setBody(new byte[0]);
            in.setHeader(HubHeaders.MESSAGE_ID, messageId.toString());
        } else {
            // a copy that names no message cannot be made again: kept as it came (still sealed if it was)
            in.setBody(exchange.getProperty(WIRE, byte[].class));
            String keyId = exchange.getProperty(WIRE_KEY, String.class);
            if (keyId != null) {
                in.setHeader(DeliveryQueues.BODY_KEY, keyId);
            }
        }
        if (recipient != null) {
            in.setHeader(HubHeaders.RECIPIENT, recipient);
        }
        in.setHeader(HubHeaders.MESSAGE_TYPE, exchange.getProperty(MESSAGE_TYPE, String.class));
        in.setHeader(HubHeaders.FAILURE_REASON, LogSafe.reason(reason));
        in.setHeader(HubHeaders.FAILED_ROUTE, exchange.getFromRouteId());
        in.setHeader(HubHeaders.FAILED_ENDPOINT, endpoint);
        in.setHeader(HubHeaders.ATTEMPTS, attempt);
        LOG.errorf("dead-lettered %s for %s after %d attempt(s): %s", messageId, recipient, attempt, LogSafe.reason(reason));
    }

    private Agency recipient(Exchange exchange) {
        String recipient = exchange.getProperty(RECIPIENT, String.class);
        return directory.find(recipient).filter(Agency::receives).orElseThrow(() -> new DeliveryFailure.Permanent(
                "agency '" + recipient + "' has no endpoint in the directory"));
    }

    private static String reason(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (cause == null) {
            return "unknown failure";
        }
        if (cause instanceof DeliveryFailure) {
            return cause.getMessage();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return cause.getClass().getSimpleName() + message;
    }

}

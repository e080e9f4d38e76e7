package wales.safeguarding.adapters.school;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.DeliveryVerdict;
import wales.safeguarding.schemas.spi.OutboundAdapter;
import wales.safeguarding.schemas.spi.OutboundRequest;
import wales.safeguarding.schemas.spi.UnsendableMessageException;
import wales.safeguarding.schemas.validation.Violation;

/**
 * A school safeguarding system that receives the canonical message as a signed webhook: {@code POST} of the JSON
 * (already trimmed by the hub to what a school may know) with {@code X-Hub-Timestamp} and
 * {@code X-Hub-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">}, keyed with the school's
 * {@code webhook-secret} ({@link WebhookSignature}). While the hub rotates that secret it passes the old one as well
 * ({@code webhook-secret.previous}) and the header carries one {@code v1=} per secret, the new one first
 * ({@code v1=<new>,v1=<old>}), so a school that has not switched yet still verifies.
 *
 * <ul>
 *   <li>2xx: delivered; a JSON {@code {"receipt": "..."}} (or {@code "reference"}) is kept as the school's reference;</li>
 *   <li>408, 425, 429 and 5xx: the school system is busy or down, so try again later (signed afresh);</li>
 *   <li>401 and 403: the school rejected the signature, which a retry will not mend (a wrong secret or clock);</li>
 *   <li>any other status: the school refuses this message.</li>
 * </ul>
 */
public final class SignedWebhookAdapter implements OutboundAdapter {

    public static final String TRANSPORT = "signed-webhook";
    /**
     * The per-school secret the hub reads from the file {@code <agency id>.webhook-secret} in its secrets folder or
     * from {@code hub.agencies.<agency id>.webhook-secret}.
     */
    public static final String WEBHOOK_SECRET = "webhook-secret";

    private static final int MAX_REASON_CHARS = 300;

    private final Clock clock;

    /** For {@link java.util.ServiceLoader}: signs with the system clock. */
    public SignedWebhookAdapter() {
        this(Clock.systemUTC());
    }

    /** Signs with the given clock (tests pin it). */
    public SignedWebhookAdapter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String transport() {
        return TRANSPORT;
    }

    @Override
    public Set<String> secretNames() {
        return Set.of(WEBHOOK_SECRET);
    }

    @Override
    public OutboundRequest toAgencyRequest(byte[] canonicalMessage, AgencyEndpoint endpoint) {
        String agency = endpoint.agencyId();
        List<String> secrets = endpoint.secretsNewestFirst(WEBHOOK_SECRET);
        if (secrets.isEmpty()) {
            throw new UnsendableMessageException("no " + WEBHOOK_SECRET + " configured for " + agency
                    + "; add the file " + agency + "." + WEBHOOK_SECRET + " to the hub's secrets folder or set hub.agencies."
                    + agency + "." + WEBHOOK_SECRET);
        }
        List<Violation> unsendable = unsendable(canonicalMessage, endpoint);
        if (!unsendable.isEmpty()) {
            throw new UnsendableMessageException(unsendable.get(0).message());
        }
        // Signed at each attempt: a retry after the replay window carries a fresh timestamp, never a stale one.
        long timestamp = clock.instant().getEpochSecond();
        return new OutboundRequest("POST", "", "application/json", Map.of(
                WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secrets, timestamp, canonicalMessage)),
                canonicalMessage);
    }

    /**
     * The school receives the canonical copy itself, so only an empty copy cannot be sent. A missing
     * {@code webhook-secret} does not depend on the message, so it is not a reason here (delivery refuses it).
     */
    @Override
    public List<Violation> unsendable(byte[] canonicalCopy, AgencyEndpoint endpoint) {
        if (canonicalCopy == null || canonicalCopy.length == 0) {
            return List.of(new Violation("", "message-body", "no message body to send to " + endpoint.agencyId()));
        }
        return List.of();
    }

    @Override
    public DeliveryVerdict interpret(int status, String responseBody) {
        if (status >= 200 && status < 300) {
            return DeliveryVerdict.delivered(SchoolAnswer.receipt(responseBody));
        }
        String detail = detail(responseBody);
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return DeliveryVerdict.transientFailure("school system answered HTTP " + status + detail);
        }
        if (status == 401 || status == 403) {
            return DeliveryVerdict.permanentFailure("the school rejected the signature (HTTP " + status + ")" + detail);
        }
        return DeliveryVerdict.permanentFailure("school system answered HTTP " + status + detail);
    }

    private static String detail(String responseBody) {
        String detail = SchoolAnswer.reason(responseBody);
        if (detail == null || detail.isBlank()) {
            return "";
        }
        // The reason ends up in tracking, audit and a broker header: one line, bounded.
        String oneLine = detail.strip().replaceAll("\\p{Cntrl}+", " ");
        return ": " + (oneLine.length() > MAX_REASON_CHARS ? oneLine.substring(0, MAX_REASON_CHARS) + "…" : oneLine);
    }

    @Override
    public String toString() {
        return "SignedWebhookAdapter[transport=" + TRANSPORT + ", clock=" + clock + "]";
    }
}

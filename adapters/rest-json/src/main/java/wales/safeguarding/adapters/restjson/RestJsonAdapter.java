package wales.safeguarding.adapters.restjson;

import java.util.Map;

import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.DeliveryVerdict;
import wales.safeguarding.schemas.spi.OutboundAdapter;
import wales.safeguarding.schemas.spi.OutboundRequest;

/**
 * The generic REST/JSON agency system: it receives the canonical message as JSON by {@code POST} to its
 * endpoint and answers with an HTTP status.
 *
 * <ul>
 *   <li>2xx: delivered (a JSON answer with {@code "reference"} is kept as the agency's reference);</li>
 *   <li>408, 425, 429 and 5xx: the system is busy or down, so try again later;</li>
 *   <li>any other status: the system refuses this message, so trying again will not help.</li>
 * </ul>
 */
public final class RestJsonAdapter implements OutboundAdapter {

    public static final String TRANSPORT = "rest-json";

    private static final int MAX_REASON_CHARS = 300;

    @Override
    public String transport() {
        return TRANSPORT;
    }

    @Override
    public OutboundRequest toAgencyRequest(byte[] canonicalMessage, AgencyEndpoint endpoint) {
        return new OutboundRequest("POST", "", "application/json", Map.of(), canonicalMessage);
    }

    @Override
    public DeliveryVerdict interpret(int status, String responseBody) {
        if (status >= 200 && status < 300) {
            return DeliveryVerdict.delivered(ReferenceReader.reference(responseBody));
        }
        String reason = "agency system answered HTTP " + status + problemTitle(responseBody);
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return DeliveryVerdict.transientFailure(reason);
        }
        return DeliveryVerdict.permanentFailure(reason);
    }

    private static String problemTitle(String responseBody) {
        String detail = ReferenceReader.reason(responseBody);
        if (detail == null || detail.isBlank()) {
            return "";
        }
        return ": " + (detail.length() > MAX_REASON_CHARS ? detail.substring(0, MAX_REASON_CHARS) + "…" : detail);
    }
}

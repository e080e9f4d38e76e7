package wales.safeguarding.schemas.spi;

import java.util.Map;

/**
 * One request to an agency system.
 *
 * @param method  HTTP method, e.g. {@code POST}
 * @param path    path appended to the endpoint's base URL (may be empty)
 * @param contentType media type of {@code body}
 * @param headers extra headers the agency needs (never hub-internal ones)
 * @param body    the bytes to send
 */
public record OutboundRequest(String method, String path, String contentType, Map<String, String> headers, byte[] body) {
    public OutboundRequest {
        headers = Map.copyOf(headers);
    }
}

package wales.safeguarding.hub.alerts;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operational alert: an agency endpoint failing or its queue backing up, from when it was raised until it was
 * resolved ({@code resolvedAt} null while open). {@code details}: counts, thresholds and the last reason; never a
 * message body or a child's identifier.
 */
public record OperationalAlert(long id, String agency, String condition, Instant raisedAt, Instant resolvedAt,
        JsonNode details) {
}

package wales.safeguarding.schemas.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Body of {@code delivery-receipt}: the recipient's system has the message (delivered, not yet
 * acted on).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryReceipt(
        UUID messageId,
        String recipient,
        OffsetDateTime deliveredAt,
        String recipientReference) {}

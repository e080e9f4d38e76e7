package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * When and how the concern was first reported; {@code means} is written, phone, in-person or
 * online (a phone report is confirmed in writing within 24 hours).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OriginalReport(OffsetDateTime madeAt, String means) {}

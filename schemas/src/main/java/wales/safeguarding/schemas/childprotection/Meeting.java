package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * When a meeting or conference starts and how to join it. {@code format} is face-to-face, virtual
 * or hybrid; virtual and hybrid meetings carry a joining link, face-to-face and hybrid ones an
 * address.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Meeting(OffsetDateTime startsAt, String format, Joining joining) {}

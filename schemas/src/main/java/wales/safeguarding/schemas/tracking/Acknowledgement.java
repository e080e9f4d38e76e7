package wales.safeguarding.schemas.tracking;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import wales.safeguarding.schemas.dutytoreport.Practitioner;

/**
 * A business acknowledgement of an earlier message (the envelope's correlationId): received, accepted, or rejected
 * with a reason, and the partner's {@code contribution} where it adds one (to an interim safety plan: what it knows
 * and will do). Not a delivery receipt, which only says the agency's system has the message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Acknowledgement(String status, OffsetDateTime acknowledgedAt, String reason, Practitioner acknowledgedBy,
        String contribution) {

    /** An acknowledgement without a contribution (contract 1.0). */
    public Acknowledgement(String status, OffsetDateTime acknowledgedAt, String reason, Practitioner acknowledgedBy) {
        this(status, acknowledgedAt, reason, acknowledgedBy, null);
    }
}

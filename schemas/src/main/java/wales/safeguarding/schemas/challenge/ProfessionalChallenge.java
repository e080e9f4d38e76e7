package wales.safeguarding.schemas.challenge;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code professional-challenge}: one agency challenges another's decision about a case (2023 review,
 * recommendation 5.2): the decision challenged, why, and the outcome sought. The challenged agency (or the
 * challenger) answers with a {@code challenge-response} quoting {@code challengeId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfessionalChallenge(
        String challengeId,
        String challenged,
        Decision decision,
        String concern,
        String outcomeSought,
        Practitioner raisedBy) {

    /** The decision challenged: its kind, when it was made, the message that carried it (if any) and what it was. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String kind, LocalDate decidedOn, UUID messageId, String summary) {
    }

    /** Who raises or answers a challenge. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Practitioner(String name, String role, String email) {
    }
}

package wales.safeguarding.schemas.challenge;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code challenge-response}: the answer to a {@code professional-challenge} ({@code challengeId}):
 * {@value #AGREED}, {@value #RESOLVED} (both record the resolution) or {@value #STEPPED_UP} (the next stage takes the
 * challenge up).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChallengeResponse(
        String challengeId,
        String response,
        String summary,
        ProfessionalChallenge.Practitioner respondedBy) {

    public static final String AGREED = "agreed";
    public static final String RESOLVED = "resolved";
    public static final String STEPPED_UP = "stepped-up";

    /** True when the response ends the challenge (agreed or resolved). */
    public boolean resolves() {
        return AGREED.equals(response) || RESOLVED.equals(response);
    }
}

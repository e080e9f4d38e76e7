package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether one child is invited to their conference, in a {@code conference-invitation}'s {@code childParticipation}
 * (Wales Safeguarding Procedures, section 3 part 2): {@code invited}, the active offer of an advocate
 * ({@code advocacyOffered}), and {@code whyNotInvited} when not. {@code childReference} names the child among the
 * invitation's children; it may be left out when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildInvited(String childReference, boolean invited, boolean advocacyOffered, String whyNotInvited) {
}

package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An agency invited to a meeting, or a core group member, and the part it plays. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Invitee(String agencyId, String role, String name) {}

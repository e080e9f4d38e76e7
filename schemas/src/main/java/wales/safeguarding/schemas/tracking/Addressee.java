package wales.safeguarding.schemas.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Someone an escalation goes to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Addressee(String agencyId, String role, String name, String email) {}

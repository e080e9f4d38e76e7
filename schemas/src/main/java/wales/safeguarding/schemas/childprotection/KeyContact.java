package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A practitioner a new school may contact about a child who moved to it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyContact(String name, String role, String agencyId, String phone, String email) {}

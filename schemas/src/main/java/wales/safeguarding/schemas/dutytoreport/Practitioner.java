package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A named practitioner in children's services. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Practitioner(String name, String role) {}

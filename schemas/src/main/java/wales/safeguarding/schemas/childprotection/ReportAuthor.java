package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The practitioner who wrote a conference report, and their agency. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportAuthor(String name, String role, String agencyId) {}

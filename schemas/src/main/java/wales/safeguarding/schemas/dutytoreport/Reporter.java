package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/** The practitioner who made the report; the acknowledgement and outcome go back to them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reporter(
        String name,
        String role,
        String agencyId,
        Contact contact,
        LanguagePreference languagePreference) {}

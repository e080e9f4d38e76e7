package wales.safeguarding.schemas.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import wales.safeguarding.schemas.envelope.Language;

/** The text of an escalation in one language. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notice(Language language, String subject, String text) {}

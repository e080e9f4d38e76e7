package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import wales.safeguarding.schemas.envelope.Language;

/**
 * A document an agency wrote, passed through unchanged with its language tag. {@code mediaType}
 * is text/plain or application/pdf; exactly one of {@code text} and {@code contentBase64} is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentContent(String title, String mediaType, Language language, String text, String contentBase64) {}

package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A GP practice, by its ODS code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GpPracticeRef(String odsCode, String name) {}

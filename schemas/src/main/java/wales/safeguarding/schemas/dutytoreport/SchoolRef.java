package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A school, by its Welsh school number. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchoolRef(String schoolNumber, String name) {}

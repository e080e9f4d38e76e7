package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How to reach the report-maker. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(String phone, String email) {}

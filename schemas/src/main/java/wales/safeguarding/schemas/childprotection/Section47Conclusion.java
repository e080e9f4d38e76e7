package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The conclusion of a section 47 enquiry: {@code outcome} is not-substantiated,
 * substantiated-no-continuing-risk or substantiated-convene-conference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Section47Conclusion(String outcome, String summary) {}

package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whom shared information is about: {@code role} is household-member, parent, carer, child or
 * other. Schools do not receive {@code name} (need-to-know policy).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InformationSubject(String role, String name) {}

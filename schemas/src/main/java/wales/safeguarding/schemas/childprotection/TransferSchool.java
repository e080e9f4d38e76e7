package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A school in a transfer, by its hub directory agency id or its Welsh school number (at least one;
 * when both are given the hub checks they name the same school).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferSchool(String agencyId, String schoolNumber, String name) {}

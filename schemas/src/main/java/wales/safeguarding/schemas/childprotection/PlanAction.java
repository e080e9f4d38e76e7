package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** One action of a care and support protection plan; {@code owner} is an agency id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanAction(String owner, String action, LocalDate dueBy) {}

package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code register-change}: {@code change} is added or removed. An addition carries
 * {@code categoriesOfHarm}; a removal carries {@code eligibleNeeds} and {@code contingencyPlan}
 * (recommendation 1.2). {@code policeForce} is an agency id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisterChange(
        String change,
        LocalDate effectiveOn,
        ChildRef child,
        List<String> categoriesOfHarm,
        String eligibleNeeds,
        String contingencyPlan,
        String policeForce) {

    public RegisterChange {
        categoriesOfHarm = categoriesOfHarm == null ? null : List.copyOf(categoriesOfHarm);
    }
}

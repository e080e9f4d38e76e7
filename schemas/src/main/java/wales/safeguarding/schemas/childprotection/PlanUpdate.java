package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Body of {@code plan-update}: a change to a child's care and support protection plan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanUpdate(String planId, String summary, List<PlanAction> actions, ChildRef child) {

    public PlanUpdate {
        actions = actions == null ? null : List.copyOf(actions);
    }
}

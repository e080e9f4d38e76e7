package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code plan-update}: a change to a child's care and support protection plan.
 * {@code coreGroupMetOn} is set when the update is the record of a core group meeting: the date the
 * core group met, from which the next one is due within six weeks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanUpdate(String planId, String summary, List<PlanAction> actions, ChildRef child,
        LocalDate coreGroupMetOn) {

    public PlanUpdate {
        actions = actions == null ? null : List.copyOf(actions);
    }

    /** An update that is not the record of a core group meeting. */
    public PlanUpdate(String planId, String summary, List<PlanAction> actions, ChildRef child) {
        this(planId, summary, actions, child, null);
    }
}

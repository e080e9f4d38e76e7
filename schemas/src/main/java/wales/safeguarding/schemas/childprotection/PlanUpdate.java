package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code plan-update}: a change to a child's care and support protection plan.
 * {@code coreGroupMetOn} is set when the update is the record of a core group meeting: the date the
 * core group met, from which the next one is due within six weeks; {@code attendance} and {@code familyAttendance}
 * then say who came ({@code attended} or {@code absent} for the family).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanUpdate(String planId, String summary, List<PlanAction> actions, ChildRef child,
        LocalDate coreGroupMetOn, List<Attendee> attendance, String familyAttendance) {

    public PlanUpdate {
        actions = actions == null ? null : List.copyOf(actions);
        attendance = attendance == null ? null : List.copyOf(attendance);
    }

    /** A core group's record without attendance, or an update that is not one ({@code coreGroupMetOn} null). */
    public PlanUpdate(String planId, String summary, List<PlanAction> actions, ChildRef child,
            LocalDate coreGroupMetOn) {
        this(planId, summary, actions, child, coreGroupMetOn, null, null);
    }

    /** An update that is not the record of a core group meeting. */
    public PlanUpdate(String planId, String summary, List<PlanAction> actions, ChildRef child) {
        this(planId, summary, actions, child, null);
    }
}

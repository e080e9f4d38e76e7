package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code outline-plan}: the outline plan and summary of decisions of a conference, for
 * every invitee and core group member whether or not they attended. {@code categoriesOfHarm} is
 * set when {@code registered}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutlinePlan(
        String conferenceId,
        LocalDate heldOn,
        String outlinePlan,
        List<String> decisions,
        boolean registered,
        List<String> categoriesOfHarm,
        List<String> attended,
        LocalDate nextConferenceDate,
        List<Invitee> coreGroup) {

    public OutlinePlan {
        decisions = decisions == null ? null : List.copyOf(decisions);
        categoriesOfHarm = categoriesOfHarm == null ? null : List.copyOf(categoriesOfHarm);
        attended = attended == null ? null : List.copyOf(attended);
        coreGroup = coreGroup == null ? null : List.copyOf(coreGroup);
    }
}

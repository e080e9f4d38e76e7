package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code section-47-determination}: children's services record the outcome of a section 47
 * enquiry and the next step. {@code outcome} is not-substantiated, substantiated-no-continuing-risk
 * or substantiated-convene-conference; {@code nextStep} is no-further-action, care-and-support or
 * convene-conference, and is convene-conference exactly when the outcome is
 * substantiated-convene-conference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Section47Determination(
        String enquiryId,
        LocalDate concludedOn,
        String outcome,
        String nextStep,
        String reason,
        String strategyMeetingId,
        UUID dutyToReportId,
        List<Invitee> invitees,
        List<ChildRef> children) {

    /** The outcome that convenes a conference. */
    public static final String OUTCOME_CONVENE_CONFERENCE = "substantiated-convene-conference";
    /** The next step that convenes a conference. */
    public static final String NEXT_STEP_CONVENE_CONFERENCE = "convene-conference";

    public Section47Determination {
        invitees = invitees == null ? null : List.copyOf(invitees);
        children = children == null ? null : List.copyOf(children);
    }

    /** True when the enquiry ends in an initial child protection conference. */
    public boolean convenesConference() {
        return NEXT_STEP_CONVENE_CONFERENCE.equals(nextStep);
    }
}

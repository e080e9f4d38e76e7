package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/** Body of {@code strategy-meeting-invitation}: children's services call a strategy meeting. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StrategyMeetingInvitation(
        String meetingId,
        Meeting meeting,
        String purpose,
        List<Invitee> invitees,
        UUID dutyToReportId,
        List<ChildRef> children) {

    public StrategyMeetingInvitation {
        invitees = invitees == null ? null : List.copyOf(invitees);
        children = children == null ? null : List.copyOf(children);
    }
}

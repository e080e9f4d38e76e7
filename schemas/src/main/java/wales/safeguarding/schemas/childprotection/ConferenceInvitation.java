package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Body of {@code conference-invitation}: an initial or review child protection conference.
 * {@code kind} is initial or review; an initial one carries {@code lastStrategyDiscussionAt}, a
 * review one {@code previousConferenceId}; {@code rescheduledFrom} is set when the conference moved;
 * {@code immediateRisk} true when a child is at immediate risk until the conference (an interim safety plan is due);
 * {@code childParticipation} whether each child is invited and offered an advocate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConferenceInvitation(
        String conferenceId,
        String kind,
        Meeting meeting,
        String reason,
        Section47Conclusion section47Conclusion,
        WrittenReport writtenReport,
        List<Invitee> invitees,
        List<ChildRef> children,
        OffsetDateTime lastStrategyDiscussionAt,
        String previousConferenceId,
        OffsetDateTime rescheduledFrom,
        Boolean immediateRisk,
        List<ChildInvited> childParticipation) {

    public ConferenceInvitation {
        invitees = invitees == null ? null : List.copyOf(invitees);
        children = children == null ? null : List.copyOf(children);
        childParticipation = childParticipation == null ? null : List.copyOf(childParticipation);
    }

    /** An invitation that does not record how the children take part. */
    public ConferenceInvitation(String conferenceId, String kind, Meeting meeting, String reason,
            Section47Conclusion section47Conclusion, WrittenReport writtenReport, List<Invitee> invitees,
            List<ChildRef> children, OffsetDateTime lastStrategyDiscussionAt, String previousConferenceId,
            OffsetDateTime rescheduledFrom, Boolean immediateRisk) {
        this(conferenceId, kind, meeting, reason, section47Conclusion, writtenReport, invitees, children,
                lastStrategyDiscussionAt, previousConferenceId, rescheduledFrom, immediateRisk, null);
    }
}

package wales.safeguarding.schemas.childprotection;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code strategy-meeting-record}: a strategy meeting was held on {@code heldOn}; who of its invitees came
 * ({@link Attendee}) and, where given, what it decided. {@code meetingId} names its strategy-meeting-invitation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StrategyMeetingRecord(String meetingId, LocalDate heldOn, List<Attendee> attendance, Decision decision) {

    /** What the meeting decided: whether a section 47 enquiry starts, and the decisions in words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(boolean section47Enquiry, String summary) {
    }
}

package wales.safeguarding.schemas.childprotection;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code conference-minutes}: the full record of a conference. On the wire the flag is
 * {@code final} (a Java keyword, hence {@code isFinal}); false while corrections may still come. Who of the invitees
 * came ({@code attendance}) and the family's attendance, where the minutes record them: the conference's attendance of
 * record, replacing what its outline plan said.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConferenceMinutes(
        String conferenceId,
        DocumentContent minutes,
        @JsonProperty("final") boolean isFinal,
        List<Attendee> attendance,
        String familyAttendance) {

    /** Minutes without attendance. */
    public ConferenceMinutes(String conferenceId, DocumentContent minutes, boolean isFinal) {
        this(conferenceId, minutes, isFinal, null, null);
    }
}

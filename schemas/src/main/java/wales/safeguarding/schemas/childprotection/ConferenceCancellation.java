package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Body of {@code conference-cancellation}: children's services cancel a conference ({@code kind}
 * initial or review). {@code stillNeeded} true: the conference will be re-arranged and its
 * statutory clock keeps running; false: a decision that no conference is needed (the child moved
 * away, the concerns were resolved). Moving a conference is not a cancellation but a new
 * {@code conference-invitation} with the same conferenceId and {@code rescheduledFrom}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConferenceCancellation(
        String conferenceId,
        String kind,
        String reason,
        boolean stillNeeded,
        List<ChildRef> children) {

    public ConferenceCancellation {
        children = children == null ? null : List.copyOf(children);
    }
}

package wales.safeguarding.hub.rules;

import java.time.Instant;
import java.util.List;

/**
 * A conference as its (latest) invitation booked it: initial or review, when it starts, and the children it is about
 * (by {@link ChildKey}). Its outline plan says it was held, which meets the clock it answers: the case's initial
 * conference clock, or each child's review clock.
 */
public record ConferenceRecord(String conferenceId, String kind, Instant startsAt, List<String> children) {

    public static final String INITIAL = "initial";
    public static final String REVIEW = "review";

    public ConferenceRecord {
        children = List.copyOf(children);
    }

    public boolean initial() {
        return INITIAL.equals(kind);
    }
}

package wales.safeguarding.hub.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Follows messages accepted after {@code start} by polling the database, so a live view sees what every hub instance accepts. A
 * message committed a little after a later one is still seen: each poll looks back {@code overlap} before the newest
 * acceptance seen, and skips the ids it has already given.
 */
public final class NewMessages {

    private final Duration overlap;
    private final Instant start;
    private final Map<UUID, Instant> seen = new HashMap<>();
    private Instant newest;

    public NewMessages(Instant start, Duration overlap) {
        this.start = start;
        this.newest = start;
        this.overlap = overlap;
    }

    /** Where the next poll starts: messages accepted after this. */
    public Instant pollFrom() {
        return newest.minus(overlap);
    }

    /**
     * The summaries of a poll not given before, oldest first; remembers them. The look-back never moves past
     * {@code now}: a message dated ahead of the hub's clock (another instance's clock ahead) does not hide the ones
     * accepted after it.
     */
    public List<ConsoleMessages.Summary> unseen(List<ConsoleMessages.Summary> polled, Instant now) {
        List<ConsoleMessages.Summary> fresh = new ArrayList<>();
        for (ConsoleMessages.Summary s : polled) {
            if (s.acceptedAt().isAfter(start) && seen.putIfAbsent(s.messageId(), s.acceptedAt()) == null) {
                fresh.add(s);
            }
            Instant at = s.acceptedAt().isAfter(now) ? now : s.acceptedAt();
            if (at.isAfter(newest)) {
                newest = at;
            }
        }
        Instant forgetBefore = pollFrom();
        seen.values().removeIf(at -> at.isBefore(forgetBefore));
        return fresh;
    }
}

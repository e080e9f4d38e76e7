package wales.safeguarding.hub.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Follows messages accepted after {@code start} by polling the database in pages ordered by (accepted at, message id),
 * so a live view sees what every hub instance accepts. A message committed a little after a later one is still seen:
 * once a poll reaches the end of what is stored, the next looks back {@code overlap} before the newest acceptance
 * seen, and skips the ids it has already given. While polls come back full, the next one starts after the last row
 * of the page, so a burst of more messages than a page never holds the view on the same page.
 */
public final class NewMessages {

    /** Where a poll starts: messages accepted after {@code at}, or at {@code at} with a greater id. */
    public record Cursor(Instant at, UUID after) {
        static final UUID FIRST = new UUID(0L, 0L);
    }

    private final Duration overlap;
    private final Instant start;
    private final Map<UUID, Instant> seen = new HashMap<>();
    private Instant newest;
    /** After a full page: where the next page starts. */
    private Cursor nextPage;

    public NewMessages(Instant start, Duration overlap) {
        this.start = start;
        this.newest = start;
        this.overlap = overlap;
    }

    /**
     * Where the next poll starts: after the last row of a full page, or else the look-back before the newest acceptance
     * seen (never before the stream opened: what was accepted before that is in the message list, not the stream).
     */
    public Cursor pollFrom() {
        if (nextPage != null) {
            return nextPage;
        }
        Instant back = newest.minus(overlap);
        return new Cursor(back.isBefore(start) ? start : back, Cursor.FIRST);
    }

    /**
     * The summaries of a poll of at most {@code pageSize} rows not given before, in the poll's order; remembers them.
     * The look-back never moves past {@code now}: a message dated ahead of the hub's clock (another instance's clock
     * ahead) does not hide the ones accepted after it.
     */
    public List<ConsoleMessages.Summary> unseen(List<ConsoleMessages.Summary> polled, int pageSize, Instant now) {
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
        if (!polled.isEmpty() && polled.size() >= pageSize) {
            ConsoleMessages.Summary last = polled.get(polled.size() - 1);
            nextPage = new Cursor(last.acceptedAt(), last.messageId());
        } else {
            nextPage = null;
            Instant forgetBefore = newest.minus(overlap);
            seen.values().removeIf(at -> at.isBefore(forgetBefore));
        }
        return fresh;
    }
}

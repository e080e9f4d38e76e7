package wales.safeguarding.hub.console;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The last minutes, oldest first, each with its counts (zero where nothing happened). */
public final class MinuteSeries {

    /** One minute's traffic. */
    public record Minute(Instant minute, long accepted, long delivered, long failed) {
    }

    private MinuteSeries() {
    }

    /** The first minute of a series of {@code minutes} ending with the minute of {@code now}. */
    public static Instant start(Instant now, int minutes) {
        return now.truncatedTo(ChronoUnit.MINUTES).minus(minutes - 1L, ChronoUnit.MINUTES);
    }

    public static List<Minute> fill(Instant now, int minutes, Map<Instant, Long> accepted, Map<Instant, Long> delivered,
            Map<Instant, Long> failed) {
        List<Minute> series = new ArrayList<>(minutes);
        Instant minute = start(now, minutes);
        for (int i = 0; i < minutes; i++) {
            series.add(new Minute(minute, accepted.getOrDefault(minute, 0L), delivered.getOrDefault(minute, 0L),
                    failed.getOrDefault(minute, 0L)));
            minute = minute.plus(1, ChronoUnit.MINUTES);
        }
        return series;
    }
}

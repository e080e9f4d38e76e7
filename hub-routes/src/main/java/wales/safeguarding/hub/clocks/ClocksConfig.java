package wales.safeguarding.hub.clocks;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * {@code hub.clocks.<clock>.period} and {@code hub.clocks.<clock>.ladder}: how long each statutory clock runs and how
 * it escalates (see {@link ClockPeriod} and {@link Ladder} for the notation).
 */
@ConfigMapping(prefix = "hub.clocks")
public interface ClocksConfig {

    @WithParentName
    Map<String, Clock> clocks();

    interface Clock {
        String period();

        String ladder();
    }
}

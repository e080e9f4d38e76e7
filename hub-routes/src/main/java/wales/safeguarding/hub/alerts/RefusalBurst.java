package wales.safeguarding.hub.alerts;

import wales.safeguarding.hub.conditions.AlertCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;


/**
 * When refusals make a burst: at least {@code threshold} refusals of one agency within the window. Observed at every
 * alert check for each agency refused in the window and each agency with an open burst alert, so the alert's state
 * machine ({@link AlertRules#transition}) raises one alert per burst and resolves it once the window is quiet.
 */
public final class RefusalBurst {

    private final long threshold;
    private final int windowMinutes;

    public RefusalBurst(long threshold, int windowMinutes) {
        if (threshold < 1 || windowMinutes < 1) {
            throw new IllegalArgumentException("hub.refusals.burst.threshold and window-minutes must be at least 1");
        }
        this.threshold = threshold;
        this.windowMinutes = windowMinutes;
    }

    public int windowMinutes() {
        return windowMinutes;
    }

    /** {@code refusals}: per agency within the window; {@code openAgencies}: agencies with an open burst alert. */
    public List<AlertRules.Observation> observe(Map<String, Long> refusals, Set<String> openAgencies) {
        Set<String> agencies = new TreeSet<>(refusals.keySet());
        agencies.addAll(openAgencies);
        List<AlertRules.Observation> observations = new ArrayList<>();
        for (String agency : agencies) {
            long count = refusals.getOrDefault(agency, 0L);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("refusals", count);
            details.put("threshold", threshold);
            details.put("windowMinutes", windowMinutes);
            observations.add(new AlertRules.Observation(agency, AlertCondition.REFUSAL_BURST, count >= threshold, details));
        }
        return observations;
    }
}

package wales.safeguarding.hub.alerts;

import wales.safeguarding.hub.conditions.AlertCondition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hub's own conditions beyond one endpoint's health (issue 13): dead letters waiting for an operator, the oldest
 * copy still waiting for an agency, a pull inbox nobody collects, an escalation notice that did not get through, and
 * the bank-holiday data running out. Plain decisions over facts the {@link AlertChecker} reads; each condition is
 * observed for every agency that has the fact and every agency with an open alert of that condition, so the state
 * machine ({@link AlertRules#transition}) raises one alert per episode and resolves it once.
 */
public final class HubWatch {

    /** The agency of an alert about the hub itself. */
    public static final String HUB = "hub";

    /** When the agency's oldest copy of a kind was accepted or placed, and how many there are. */
    public record Oldest(Instant since, long count) {
    }

    /**
     * What the check saw.
     *
     * @param deadLetters        agency → its deliveries dead-lettered and not replayed
     * @param waiting            agency → its oldest copy still to be delivered (accepted, queued or failed)
     * @param uncollected        agency → its oldest pull-inbox copy not yet collected
     * @param escalations        agency → escalation notices to it dead-lettered, or still to be delivered
     * @param paused             agencies whose endpoint an operator paused (waiting is expected)
     * @param bankHolidaysEnd    the last day the bank-holiday data covers
     * @param stalled            the clocks whose next escalation fell due before the stall limit: the oldest due time
     *                           and how many (count 0 when none)
     */
    public record Facts(Map<String, Long> deadLetters, Map<String, Oldest> waiting, Map<String, Oldest> uncollected,
            Map<String, Oldest> escalations, Set<String> paused, LocalDate bankHolidaysEnd, Oldest stalled) {
    }

    private final long deadLettersThreshold;
    private final Duration oldestWaiting;
    private final Duration inboxUncollected;
    private final Duration escalationUndelivered;
    private final Period bankHolidaysWarning;
    private final Duration escalationsStalled;

    public HubWatch(long deadLettersThreshold, Duration oldestWaiting, Duration inboxUncollected,
            Duration escalationUndelivered, Period bankHolidaysWarning, Duration escalationsStalled) {
        if (deadLettersThreshold < 1 || oldestWaiting.isNegative() || oldestWaiting.isZero()
                || inboxUncollected.isNegative() || inboxUncollected.isZero() || escalationUndelivered.isNegative()
                || escalationUndelivered.isZero() || bankHolidaysWarning.isNegative() || escalationsStalled.isNegative()
                || escalationsStalled.isZero()) {
            throw new IllegalArgumentException("hub.alerts.dead-letters-threshold must be at least 1, and "
                    + "oldest-waiting, inbox-uncollected and escalation-undelivered above zero");
        }
        this.deadLettersThreshold = deadLettersThreshold;
        this.oldestWaiting = oldestWaiting;
        this.inboxUncollected = inboxUncollected;
        this.escalationUndelivered = escalationUndelivered;
        this.bankHolidaysWarning = bankHolidaysWarning;
        this.escalationsStalled = escalationsStalled;
    }

    /** The clocks whose next escalation fell due before this are stalled. */
    public Instant stallCutoff(Instant now) {
        return now.minus(escalationsStalled);
    }

    /** The escalation notices older than this that are still to be delivered count as failing. */
    public Instant escalationCutoff(Instant now) {
        return now.minus(escalationUndelivered);
    }

    /**
     * Every observation of these conditions. {@code open}: the agencies with an open alert, per condition.
     * {@code today}: the day in Wales.
     */
    public List<AlertRules.Observation> observe(Facts facts, Map<AlertCondition, Set<String>> open, Instant now,
            LocalDate today) {
        List<AlertRules.Observation> all = new ArrayList<>();
        for (String agency : agencies(facts.deadLetters().keySet(), open, AlertCondition.DEAD_LETTERS)) {
            long count = facts.deadLetters().getOrDefault(agency, 0L);
            all.add(new AlertRules.Observation(agency, AlertCondition.DEAD_LETTERS, count >= deadLettersThreshold,
                    details("deadLetters", count, "threshold", deadLettersThreshold)));
        }
        for (String agency : agencies(facts.waiting().keySet(), open, AlertCondition.OLDEST_WAITING)) {
            Oldest oldest = facts.waiting().get(agency);
            boolean holds = oldest != null && !facts.paused().contains(agency)
                    && Duration.between(oldest.since(), now).compareTo(oldestWaiting) > 0;
            all.add(new AlertRules.Observation(agency, AlertCondition.OLDEST_WAITING, holds, aged(oldest, now,
                    oldestWaiting, "waiting")));
        }
        for (String agency : agencies(facts.uncollected().keySet(), open, AlertCondition.INBOX_UNCOLLECTED)) {
            Oldest oldest = facts.uncollected().get(agency);
            boolean holds = oldest != null && Duration.between(oldest.since(), now).compareTo(inboxUncollected) > 0;
            all.add(new AlertRules.Observation(agency, AlertCondition.INBOX_UNCOLLECTED, holds, aged(oldest, now,
                    inboxUncollected, "uncollected")));
        }
        for (String agency : agencies(facts.escalations().keySet(), open, AlertCondition.ESCALATION_FAILING)) {
            Oldest failing = facts.escalations().get(agency);
            all.add(new AlertRules.Observation(agency, AlertCondition.ESCALATION_FAILING, failing != null
                    && failing.count() > 0, aged(failing, now, escalationUndelivered, "notices")));
        }
        boolean ending = !facts.bankHolidaysEnd().isAfter(today.plus(bankHolidaysWarning));
        all.add(new AlertRules.Observation(HUB, AlertCondition.BANK_HOLIDAYS_ENDING, ending,
                details("dataEnds", facts.bankHolidaysEnd().toString(), "warningPeriod", bankHolidaysWarning.toString())));
        Oldest stalled = facts.stalled();
        all.add(new AlertRules.Observation(HUB, AlertCondition.ESCALATIONS_STALLED, stalled != null
                && stalled.count() > 0, aged(stalled != null && stalled.count() > 0 ? stalled : null, now,
                        escalationsStalled, "clocks")));
        return all;
    }

    private static Set<String> agencies(Set<String> seen, Map<AlertCondition, Set<String>> open,
            AlertCondition condition) {
        Set<String> agencies = new TreeSet<>(seen);
        agencies.addAll(open.getOrDefault(condition, Set.of()));
        return agencies;
    }

    private static Map<String, Object> aged(Oldest oldest, Instant now, Duration limit, String what) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(what, oldest == null ? 0 : oldest.count());
        details.put("oldestSince", oldest == null ? null : oldest.since().toString());
        details.put("oldestMinutes", oldest == null ? 0 : Duration.between(oldest.since(), now).toMinutes());
        details.put("limitMinutes", limit.toMinutes());
        return details;
    }

    private static Map<String, Object> details(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(k1, v1);
        details.put(k2, v2);
        return details;
    }
}

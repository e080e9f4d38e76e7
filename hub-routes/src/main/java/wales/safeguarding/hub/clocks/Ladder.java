package wales.safeguarding.hub.clocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;


/**
 * The escalation ladder of a clock: the levels it climbs after it runs out, each so many working days after the due
 * day, each sending one or more kinds of notice. Written in configuration as
 * {@code 0:reminder+report-maker-notice,3:manager-notice} (level 0 on the due time, level 1 three working days later).
 */
public record Ladder(List<Level> levels) {

    /** One rung: sent {@code afterWorkingDays} working days after the due day (0: when the clock runs out). */
    public record Level(int afterWorkingDays, List<EscalationStep> steps) {
        public Level {
            steps = List.copyOf(steps);
        }
    }

    public Ladder {
        levels = List.copyOf(levels);
    }

    public static Ladder parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an escalation ladder needs at least one level, e.g. 0:reminder");
        }
        List<Level> levels = new ArrayList<>();
        int previous = -1;
        for (String part : text.split(",")) {
            String[] dayAndSteps = part.trim().split(":");
            if (dayAndSteps.length != 2) {
                throw new IllegalArgumentException("ladder level '" + part.trim() + "' is not <working days>:<notice>[+<notice>]");
            }
            int days;
            try {
                days = Integer.parseInt(dayAndSteps[0].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ladder level '" + part.trim() + "' does not start with a number of working days");
            }
            if (days <= previous) {
                throw new IllegalArgumentException("ladder levels must climb: " + days + " working days after " + previous);
            }
            previous = days;
            List<EscalationStep> steps = Arrays.stream(dayAndSteps[1].split("\\+")).map(String::trim)
                    .map(Ladder::step).toList();
            levels.add(new Level(days, steps));
        }
        return new Ladder(levels);
    }

    public Optional<Level> level(int index) {
        return index >= 0 && index < levels.size() ? Optional.of(levels.get(index)) : Optional.empty();
    }

    private static EscalationStep step(String name) {
        for (EscalationStep step : EscalationStep.values()) {
            if (step.wireName().equals(name)) {
                return step;
            }
        }
        throw new IllegalArgumentException("unknown notice '" + name + "' in an escalation ladder; known: "
                + Arrays.stream(EscalationStep.values()).map(EscalationStep::wireName).toList());
    }
}

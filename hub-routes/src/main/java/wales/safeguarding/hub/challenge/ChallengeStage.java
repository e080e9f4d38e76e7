package wales.safeguarding.hub.challenge;

import java.util.List;
import java.util.Optional;

/**
 * The stages of a professional challenge, lowest first, as the issue sets them after the regional escalation
 * protocols: between the practitioners, then their managers, then senior managers, then the regional safeguarding
 * board. Each stage has its own response clock ({@code hub.clocks.challenge-<stage>}); when it runs out the hub steps
 * the challenge up to the next stage's contacts, the directory's contacts of both agencies with the first of
 * {@link #roles} each has (at the board stage, the board's).
 */
public enum ChallengeStage {
    PRACTITIONER("practitioner", List.of()),
    MANAGER("manager", List.of("line-manager", "designated-safeguarding-person")),
    SENIOR_MANAGER("senior-manager", List.of("senior-safeguarding-manager", "designated-safeguarding-person",
            "line-manager")),
    BOARD("board", List.of("board-business-manager", "chair"));

    /** The prefix of every stage's clock name. */
    public static final String CLOCK_PREFIX = "challenge-";

    private final String wireName;
    private final List<String> roles;

    ChallengeStage(String wireName, List<String> roles) {
        this.wireName = wireName;
        this.roles = roles;
    }

    public String wireName() {
        return wireName;
    }

    /** The directory contact roles that answer for an agency at this stage, the first found. */
    public List<String> roles() {
        return roles;
    }

    /** The response clock of this stage. */
    public String clock() {
        return CLOCK_PREFIX + wireName;
    }

    /** The stage above, none above the board. */
    public Optional<ChallengeStage> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public static Optional<ChallengeStage> of(String wireName) {
        for (ChallengeStage stage : values()) {
            if (stage.wireName.equals(wireName)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    /** The stage whose response clock this is, if it is one. */
    public static Optional<ChallengeStage> ofClock(String clock) {
        return clock != null && clock.startsWith(CLOCK_PREFIX) ? of(clock.substring(CLOCK_PREFIX.length()))
                : Optional.empty();
    }
}

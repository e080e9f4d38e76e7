package wales.safeguarding.hub.challenge;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.clocks.ClockRecord;
import wales.safeguarding.hub.clocks.ClockRepository;
import wales.safeguarding.hub.rules.ChallengeRecord;

/**
 * The automatic step-up of a professional challenge: when a stage's response clock runs out, the escalation sweep
 * sends the {@code step-up} notice to the next stage's contacts and, in the same transaction, calls
 * {@link #steppedUp}: the stage's clock ends (met by the notice, late), the next stage's clock starts from now, owed
 * and waited for by the same agencies, and the challenge stands at the next stage.
 */
@ApplicationScoped
public class ChallengeStepUp {

    private final ClockRepository clocks;
    private final ClockKeeper keeper;
    private final ChallengeBook book;

    public ChallengeStepUp(ClockRepository clocks, ClockKeeper keeper, ChallengeBook book) {
        this.clocks = clocks;
        this.keeper = keeper;
        this.book = book;
    }

    /** True when a clock of this name is a challenge stage's clock, which a step-up notice moves on. */
    public static boolean isStageClock(String clock) {
        return ChallengeStage.ofClock(clock).isPresent();
    }

    /** The council that holds the case of the challenge whose stage clock {@code k} is, if the hub knows it. */
    public Optional<String> councilOf(Connection c, ClockRecord k) throws SQLException {
        Optional<ClockRepository.CaseSubject> where = clocks.caseSubject(c, k.id());
        if (where.isEmpty()) {
            return Optional.empty();
        }
        return book.find(c, where.get().caseReference(), where.get().subject()).map(ChallengeRecord::council);
    }

    /** The stage clock {@code k} ran out and the hub sent step-up notice {@code notice} at {@code at}. */
    public void steppedUp(Connection c, ClockRecord k, UUID notice, Instant at) throws SQLException {
        ChallengeStage stage = ChallengeStage.ofClock(k.clock()).orElseThrow(() -> new IllegalStateException(
                "clock " + k.clock() + " is not a challenge stage's clock"));
        ChallengeStage next = stage.next().orElseThrow(() -> new IllegalStateException(
                "hub.clocks." + k.clock() + ".ladder steps up, but there is no stage above " + stage.wireName()));
        ClockRepository.CaseSubject where = clocks.caseSubject(c, k.id())
                .orElseThrow(() -> new IllegalStateException("clock " + k.id() + " is gone"));
        clocks.meetClock(c, k.messageId(), k.clock(), k.owedBy(), notice, at);
        // the sweep locked the stage's clock, so a party's response that stops it waits for this transaction and is
        // then refused (the stage moved): the guard can only fail if the book and the clocks disagree
        if (!book.stage(c, where.caseReference(), where.subject(), stage.wireName(), next.wireName(), at)) {
            throw new IllegalStateException("challenge of clock " + k.id() + " no longer stands open at the "
                    + stage.wireName() + " stage: not stepping it up again");
        }
        keeper.start(c, next.clock(), k.messageId(), where.caseReference(), where.subject(), k.owedBy(), k.waiting(),
                at);
    }
}

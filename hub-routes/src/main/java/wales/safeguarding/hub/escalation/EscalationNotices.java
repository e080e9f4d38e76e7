package wales.safeguarding.hub.escalation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import wales.safeguarding.schemas.texts.Texts;

import wales.safeguarding.hub.challenge.ChallengeStage;
import wales.safeguarding.hub.clocks.EscalationStep;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.tracking.Notice;

/**
 * The hub's own escalation notices, in Welsh and in English: the words are in
 * {@code texts/escalation-notices.cy.properties} and {@code .en.properties}, which a translator edits (the same keys
 * and placeholders in both, so neither is the lesser); days are written the language's way ({@link Texts#day}).
 * Notices name messages by id and agencies by name; they never carry a child's details.
 */
public final class EscalationNotices {

    /**
     * What a notice says: the message that started the clock, the case, who owes the step and who waits, what is
     * missing (for a duty-to-report: acknowledgement and/or outcome; otherwise the clock), when it was due.
     */
    public record Facts(String reportId, String caseReference, String clock, Map<Language, String> councilName,
            Map<Language, String> reportMakerName, List<String> missing, LocalDate dueDay, int daysOverdue) {

        boolean dutyToReport() {
            return "report-acknowledgement".equals(clock) || "report-outcome".equals(clock);
        }
    }

    private static final Texts TEXTS = Texts.of("escalation-notices");

    private EscalationNotices() {
    }

    public static Notice notice(EscalationStep step, Language language, Facts f) {
        if (step == EscalationStep.STEP_UP) {
            return stepUpNotice(language, f);
        }
        if (!f.dutyToReport() || step == EscalationStep.BOARD_NOTICE) {
            return processNotice(step, language, f);
        }
        String key = "report." + switch (step) {
            case REMINDER -> "reminder";
            case REPORT_MAKER_NOTICE -> "report-maker-notice";
            case MANAGER_NOTICE -> "manager-notice";
            case BOARD_NOTICE -> throw new IllegalStateException("board notices are written by processNotice");
            case STEP_UP -> throw new IllegalStateException("step-up notices are written by stepUpNotice");
        };
        Object[] values = {"reportId", f.reportId(), "missing", missing(f.missing(), language), "due",
            Texts.day(f.dueDay(), language), "council", f.councilName().get(language), "reportMaker",
            f.reportMakerName().get(language), "days", f.daysOverdue()};
        return new Notice(language, TEXTS.get(language, key + ".subject", values),
                TEXTS.get(language, key + ".text", values));
    }

    /** The notices of the child protection process's clocks (and any board notice), for one case. */
    private static Notice processNotice(EscalationStep step, Language language, Facts f) {
        String key = "process." + switch (step) {
            case REMINDER, REPORT_MAKER_NOTICE -> "reminder";
            case MANAGER_NOTICE -> "manager-notice";
            case BOARD_NOTICE -> "board-notice";
            case STEP_UP -> throw new IllegalStateException("step-up notices are written by stepUpNotice");
        };
        Object[] values = {"what", clockWords(f.clock(), language), "caseRef",
            f.caseReference() != null ? f.caseReference() : f.reportId(), "due", Texts.day(f.dueDay(), language),
            "owing", f.councilName().get(language), "days", f.daysOverdue()};
        return new Notice(language, TEXTS.get(language, key + ".subject", values),
                TEXTS.get(language, key + ".text", values));
    }

    /**
     * A professional challenge goes to the next stage: who challenged whom, in which case, the stage that did not
     * answer in time and the stage that takes it up. {@code councilName} is the challenged agency's name (it owes the
     * answer), {@code reportMakerName} the challenger's.
     */
    private static Notice stepUpNotice(Language language, Facts f) {
        ChallengeStage stage = ChallengeStage.ofClock(f.clock()).orElseThrow(() -> new IllegalStateException(
                "clock " + f.clock() + " is not a challenge stage's clock"));
        ChallengeStage next = stage.next().orElseThrow(() -> new IllegalStateException(
                "there is no stage above " + stage.wireName()));
        Object[] values = {"caseRef", f.caseReference(), "challenger", f.reportMakerName().get(language),
            "challenged", f.councilName().get(language), "from", TEXTS.get(language, "stage." + stage.wireName()),
            "stage", TEXTS.get(language, "stage." + next.wireName()), "due", Texts.day(f.dueDay(), language)};
        return new Notice(language, TEXTS.get(language, "challenge.step-up.subject", values),
                TEXTS.get(language, "challenge.step-up.text", values));
    }

    static String missing(List<String> missing, Language language) {
        boolean acknowledgement = missing.contains("acknowledgement");
        boolean outcome = missing.contains("outcome");
        return TEXTS.get(language, "missing." + (acknowledgement && outcome ? "acknowledgement-and-outcome"
                : acknowledgement ? "acknowledgement" : "outcome"));
    }

    /** What each clock waits for, in the notice's language. */
    static String clockWords(String clock, Language language) {
        String key = "clock." + clock;
        return TEXTS.has(language, key) ? TEXTS.get(language, key)
                : TEXTS.get(language, "clock.unknown", "clock", clock);
    }
}

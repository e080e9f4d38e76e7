package wales.safeguarding.hub.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the board report counts, read from the tracking tables for one period and counted by the database (a year of
 * Wales is about a million messages; only the counts come to the hub): agencies, outcomes and counts only.
 *
 * @param dutyToReportsByRecipient duty-to-report copies received, per recipient
 */
public record ReportFacts(Map<String, Long> dutyToReportsByRecipient, List<Invitations> invitations,
        List<ClockFact> clocks, List<VoiceFact> voices, List<AnswerFact> answers, List<AttendanceFact> attendance,
        List<ChallengeFact> challenges, Register register) {

    /** Facts without the register's history. */
    public ReportFacts(Map<String, Long> dutyToReportsByRecipient, List<Invitations> invitations,
            List<ClockFact> clocks, List<VoiceFact> voices, List<AnswerFact> answers, List<AttendanceFact> attendance,
            List<ChallengeFact> challenges) {
        this(dutyToReportsByRecipient, invitations, clocks, voices, answers, attendance, challenges, Register.NONE);
    }

    /**
     * The child protection register's history ({@code register_history}, V36; recommendation 4.1), each fact of the
     * council holding the case: the registrations that began in the period, those that ended in it, and those still
     * open at its end.
     */
    public record Register(List<Registration> registrations, List<Removal> removals, List<OnRegister> onRegister) {

        public static final Register NONE = new Register(List.of(), List.of(), List.of());
    }

    /**
     * {@code count} children put on the register on {@code addedOn} (in the period), who last came off it on
     * {@code lastRemovedOn} (the same child: the same child key, in any case; null: never, as far as the hub knows).
     */
    public record Registration(String council, java.time.LocalDate addedOn, java.time.LocalDate lastRemovedOn,
            long count) {
    }

    /** {@code count} children taken off the register on {@code removedOn} (in the period), on since {@code addedOn}. */
    public record Removal(String council, java.time.LocalDate addedOn, java.time.LocalDate removedOn, long count) {
    }

    /**
     * {@code count} children on the register at the end of the period, who have had {@code reviewsHeld} review
     * conferences since they were registered (review conferences about the child booked from the day of
     * registration to the period's end, whose outline plan, which says the conference was held, has come).
     */
    public record OnRegister(String council, long reviewsHeld, long count) {
    }

    /** Facts without professional challenges. */
    public ReportFacts(Map<String, Long> dutyToReportsByRecipient, List<Invitations> invitations,
            List<ClockFact> clocks, List<VoiceFact> voices, List<AnswerFact> answers, List<AttendanceFact> attendance) {
        this(dutyToReportsByRecipient, invitations, clocks, voices, answers, attendance, List.of());
    }

    /**
     * {@code count} professional challenges raised in the period in cases of {@code council} (null: a case the hub
     * does not know) by {@code challenger} against a decision of {@code challenged}, that reached {@code stage} and
     * are resolved there ({@code resolved}) or still open there ({@code professional_challenge}, V33; recommendation
     * 5.2).
     */
    public record ChallengeFact(String council, String challenger, String challenged, String stage, boolean resolved,
            long count) {
    }

    /** Facts without attendance. */
    public ReportFacts(Map<String, Long> dutyToReportsByRecipient, List<Invitations> invitations,
            List<ClockFact> clocks, List<VoiceFact> voices, List<AnswerFact> answers) {
        this(dutyToReportsByRecipient, invitations, clocks, voices, answers, List.of());
    }

    /**
     * {@code count} places at one council's meetings of {@code kind} recorded in the period for {@code agency}, which
     * did or did not attend (recommendation 2.2): conferences ({@code initial}, {@code review};
     * {@code conference_attendance}, V31) and core groups ({@code core_group_attendance}, V37): {@link #CORE_GROUP}
     * (attended or absent), {@link #CORE_GROUP_REPORT} (apologies and a written report: not attended),
     * {@link #CORE_GROUP_FAMILY} (the child's family; no agency); and strategy meetings
     * ({@code strategy_meeting_attendance}, V40): {@link #STRATEGY_MEETING} (attended or absent),
     * {@link #STRATEGY_MEETING_REPORT} (apologies and a written report: not attended).
     */
    public record AttendanceFact(String council, String agency, String kind, boolean attended, long count) {
    }

    public static final String CORE_GROUP = "core-group";
    public static final String CORE_GROUP_REPORT = "core-group-apologies-and-report";
    public static final String CORE_GROUP_FAMILY = "core-group-family";
    public static final String STRATEGY_MEETING = "strategy-meeting";
    public static final String STRATEGY_MEETING_REPORT = "strategy-meeting-apologies-and-report";

    /** Facts without the children's voice at their conferences or the languages of the answers. */
    public ReportFacts(Map<String, Long> dutyToReportsByRecipient, List<Invitations> invitations,
            List<ClockFact> clocks) {
        this(dutyToReportsByRecipient, invitations, clocks, List.of(), List.of(), List.of());
    }

    /** Facts without the languages of the answers. */
    public ReportFacts(Map<String, Long> dutyToReportsByRecipient, List<Invitations> invitations,
            List<ClockFact> clocks, List<VoiceFact> voices) {
        this(dutyToReportsByRecipient, invitations, clocks, voices, List.of(), List.of());
    }

    /**
     * {@code count} answers (report-acknowledgement, report-outcome) a council sent in the period to duty-to-reports
     * of {@code reportMaker} written in {@code reportLanguage}, the answers written in {@code answerLanguage}
     * (recommendation 1.3, the active offer: a Welsh speaker is answered in Welsh).
     */
    public record AnswerFact(String council, String reportMaker, String reportLanguage, String answerLanguage,
            long count) {
    }

    /**
     * {@code count} children of one council's conference invitations ({@code stage} invitation) or outline plans
     * (outline-plan) recorded in the period, alike in what the message said of them ({@code child_voice}, V30):
     * {@code recorded} false when it said nothing; {@code invited}, {@code advocacy} (an advocate offered, or had),
     * {@code tookPart} and {@code whyNot} as the message gave them.
     */
    public record VoiceFact(String council, String stage, boolean recorded, boolean invited, boolean advocacy,
            String tookPart, String whyNot, long count) {

        public static final String INVITATION = "invitation";
        public static final String OUTLINE_PLAN = "outline-plan";
        public static final String DID_NOT_TAKE_PART = "did-not-take-part";
    }

    /** Conference invitations from one council (the sender), that did or did not reach the child's GP practice. */
    public record Invitations(String sender, boolean gpIncluded, long count) {
    }

    /** Where a statutory clock stood at the time of the report. */
    public enum Outcome {
        MET_ON_TIME, MET_LATE, OVERDUE, NOT_YET_DUE;

        /**
         * The rule (the repository's SQL says the same): met by its due time is on time, met after it late; not met
         * and past its due time overdue; otherwise not yet due.
         */
        public static Outcome of(Instant dueAt, Instant metAt, Instant now) {
            if (metAt != null) {
                return metAt.isAfter(dueAt) ? MET_LATE : MET_ON_TIME;
            }
            return dueAt.isBefore(now) ? OVERDUE : NOT_YET_DUE;
        }
    }

    /**
     * {@code count} statutory clocks started in the period, of one name, owed by and waited for by the same agencies,
     * with the same outcome and (report-outcome clocks met only) the same whole minutes from start to met.
     */
    public record ClockFact(String clock, String owedBy, String waiting, Outcome outcome, Long minutesToMet,
            long count) {

        /** One clock from its times (the repository counts them in SQL by the same rule). */
        public static ClockFact of(String clock, String owedBy, String waiting, Instant startedAt, Instant dueAt,
                Instant metAt, Instant now) {
            Long minutes = metAt != null && BoardReport.REPORT_OUTCOME.equals(clock)
                    ? Duration.between(startedAt, metAt).toMinutes() : null;
            return new ClockFact(clock, owedBy, waiting, Outcome.of(dueAt, metAt, now), minutes, 1);
        }

        public boolean met() {
            return outcome == Outcome.MET_ON_TIME || outcome == Outcome.MET_LATE;
        }

        /** Met, or past its due time: on time or not is known. */
        public boolean decided() {
            return outcome != Outcome.NOT_YET_DUE;
        }
    }
}

package wales.safeguarding.hub.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * The safeguarding boards' performance report (review recommendation 4.1): per council, region (the council's
 * regional safeguarding board) or agency, how the statutory steps went in a period. Aggregates only: no body, no
 * child, no case. Times to outcome are in calendar days; "within 7 working days" is the report-outcome clock
 * (computed with the working-day calendar) met by its due time.
 */
public final class BoardReport {

    public static final String UNKNOWN = "unknown";
    static final String REPORT_OUTCOME = "report-outcome";
    static final String WRITTEN_REPORT = "written-report";
    static final String OUTLINE_PLAN = "outline-plan";
    static final String STRATEGY_CONTRIBUTION = "strategy-contribution";
    static final String WELSH = "cy";
    static final String ENGLISH = "en";

    /** How rows are grouped. */
    public enum GroupBy {
        COUNCIL, REGION, AGENCY;

        public static GroupBy parse(String value) {
            if (value == null || value.isBlank()) {
                return COUNCIL;
            }
            for (GroupBy g : values()) {
                if (g.name().equalsIgnoreCase(value)) {
                    return g;
                }
            }
            throw ConsoleProblems.invalid("groupBy", "enum", "council, region or agency");
        }

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One group's figures. A rate is null when there is nothing to divide by. Strategy contributions: the
     * {@code strategy-contribution} clocks started in the period (agencies asked for what they know) and those met
     * (they sent it). The children's voice: children named in conference invitations, those invited to attend, those
     * offered an advocate and those the invitation said nothing of; children of outline plans, those who took part in
     * any way ({@code tookPartBy} says how), with an advocate, and those the plan said nothing of;
     * {@code childTookPartRate} is of every child of the outline plans, so a child not recorded counts as not known
     * to have taken part; {@code whyNot} counts the reasons a child was not invited or did not take part. Answers in
     * the report-maker's language (recommendation 1.3, the active offer): the council's report-acknowledgements and
     * report-outcomes, those written in the report-maker's preferred language (the directory's preference of the
     * agency that made the report, else the language the report was written in), and of those to Welsh speakers, the
     * ones in Welsh. Timeliness (issue 15 item 5, recommendation 4.1): of the clocks started in the period whose
     * outcome is known (met, or past due), those met by their due time: initial conferences (the
     * {@code initial-conference} clock, 15 working days from the last strategy discussion, met when the conference is
     * held), review conferences ({@code first-review-conference}, {@code review-conference}), core groups
     * ({@code first-core-group}, {@code core-group}) and the minutes ({@code conference-minutes}, 20 working days); and
     * the written reports asked of health (a health board, health visiting or school nursing service), returned.
     * Representation (recommendation 2.2): places at the conferences whose outline plan came in the period (an agency
     * invited) and those the plan lists as attended (the minutes' attendance where they carry it), all conferences
     * and review conferences apart; by agency, who comes. Strategy meetings apart: the places their records
     * ({@code strategy-meeting-record}) recorded in the period (each agency listed), those attended, those with
     * apologies and a written report (not attended), and the attended rate of the places. Professional challenges (recommendation 5.2): those raised in the period, by the group's agency (by
     * council or region: in the council's cases), those resolved (agreed or resolved), and the stage each reached,
     * resolved there ({@code challengesResolvedAt}) or still open there ({@code challengesOpenAt}); by agency,
     * {@code challengesReceived} counts the challenges of the agency's decisions (by council or region, the same
     * challenges as raised). The register (recommendation 4.1; {@code register_history}, V36), each child counted for
     * the council holding the case: {@code registrations}, children put on the register in the period, of whom
     * {@code reRegistrationsWithin12Months} had come off it (the same child key, in any case) no more than 12 months
     * before; {@code removalsFromRegister}, children taken off it in the period, with the median days they had been
     * on it and how many for under 3 months, 3 to 12, 12 to 24 and over 24 (a band's lower end included: exactly 3
     * months is 3 to 12); {@code childrenOnRegisterAtEnd}, on it at the end of the period, of whom
     * {@code stillRegisteredAfterSecondReview} have had two review conferences or more since they were registered.
     */
    public record Row(String group, String name, long dutyToReportsReceived, long outcomesDue,
            long outcomesWithin7WorkingDays, Double outcomeWithin7WorkingDaysRate, Double medianCalendarDaysToOutcome,
            long conferenceInvitations, long conferenceInvitationsWithGp, Double gpInvitationRate,
            long gpReportsRequested, long gpReportsReturned, Double gpReportReturnRate, long outlinePlansDue,
            long outlinePlansOnTime, Double outlinePlanOnTimeRate, long overdueTotal, Map<String, Long> overdue,
            long strategyContributionsAsked, long strategyContributionsMade, Double strategyContributionRate,
            long childrenInInvitations, long childrenInvited, long childrenOfferedAdvocate,
            long childInvitationNotRecorded, long childrenAtConferences, long childrenTookPart,
            Double childTookPartRate, long childrenWithAdvocate, long childParticipationNotRecorded,
            Map<String, Long> tookPartBy, Map<String, Long> whyNot, long answersToReportMakers,
            long answersInPreferredLanguage, Double preferredLanguageRate, long answersToWelshSpeakers,
            long answersInWelshToWelshSpeakers, long initialConferencesDue, long initialConferencesOnTime,
            Double initialConferenceOnTimeRate, long reviewConferencesDue, long reviewConferencesOnTime,
            Double reviewConferenceOnTimeRate, long coreGroupsDue, long coreGroupsOnTime, Double coreGroupOnTimeRate,
            long minutesDue, long minutesOnTime, Double minutesOnTimeRate, long healthReportsRequested,
            long healthReportsReturned, Double healthReportReturnRate, long invitedToConferences,
            long attendedConferences, Double conferenceAttendanceRate, long invitedToReviewConferences,
            long attendedReviewConferences, Double reviewConferenceAttendanceRate, long coreGroupPlaces,
            long coreGroupAttended, long coreGroupApologiesWithReport, Double coreGroupAttendanceRate,
            long coreGroupFamiliesRecorded, long coreGroupFamiliesAttended, long strategyMeetingPlaces,
            long strategyMeetingAttended, long strategyMeetingApologiesWithReport,
            Double strategyMeetingAttendanceRate, long challengesRaised,
            long challengesResolved, Double challengeResolvedRate, long challengesReceived,
            Map<String, Long> challengesResolvedAt, Map<String, Long> challengesOpenAt, long registrations,
            long reRegistrationsWithin12Months, Double reRegistrationRate, long removalsFromRegister,
            Double medianDaysOnRegister, long removedUnder3Months, long removed3To12Months, long removed12To24Months,
            long removedOver24Months, long childrenOnRegisterAtEnd, long stillRegisteredAfterSecondReview,
            Double stillRegisteredAfterSecondReviewRate) {
    }

    /** The report for a period (dates inclusive, Europe/London). */
    public record Report(LocalDate from, LocalDate to, String groupBy, String daysToOutcomeAre, Instant at,
            List<Row> rows) {
    }

    private final Function<String, Optional<Agency>> agencies;

    private final java.util.function.Predicate<String> councilInScope;

    /** The report of the whole of Wales. */
    public BoardReport(Function<String, Optional<Agency>> agencies) {
        this(agencies, BoardScope.wales());
    }

    /** The report of what {@code scope} covers: facts counted for a council outside it are left out. */
    public BoardReport(Function<String, Optional<Agency>> agencies, BoardScope scope) {
        this.councilInScope = scope.councils(agencies);
        this.agencies = agencies;
    }

    public Report build(LocalDate from, LocalDate to, GroupBy groupBy, ReportFacts facts, Instant now) {
        Map<String, Tally> groups = new TreeMap<>();
        facts.dutyToReportsByRecipient().forEach(
                (recipient, count) -> tally(groups, groupBy, recipient, recipient).dutyToReports += count);
        for (ReportFacts.Invitations invitations : facts.invitations()) {
            Tally t = tally(groups, groupBy, invitations.sender(), invitations.sender());
            t.invitations += invitations.count();
            if (invitations.gpIncluded()) {
                t.invitationsWithGp += invitations.count();
            }
        }
        for (ReportFacts.ClockFact clock : facts.clocks()) {
            count(tally(groups, groupBy, councilOf(clock), clock.owedBy()), clock);
        }
        for (ReportFacts.VoiceFact voice : facts.voices()) {
            tally(groups, groupBy, voice.council(), voice.council()).count(voice);
        }
        for (ReportFacts.AttendanceFact place : facts.attendance()) {
            switch (place.kind()) {
                case ReportFacts.CORE_GROUP, ReportFacts.CORE_GROUP_REPORT -> {
                    Tally t = tally(groups, groupBy, place.council(), place.agency());
                    t.coreGroupPlaces += place.count();
                    t.coreGroupAttended += place.attended() ? place.count() : 0;
                    t.coreGroupApologiesWithReport += ReportFacts.CORE_GROUP_REPORT.equals(place.kind()) ? place.count() : 0;
                }
                case ReportFacts.STRATEGY_MEETING, ReportFacts.STRATEGY_MEETING_REPORT -> {
                    Tally t = tally(groups, groupBy, place.council(), place.agency());
                    t.strategyMeetingPlaces += place.count();
                    t.strategyMeetingAttended += place.attended() ? place.count() : 0;
                    t.strategyMeetingApologiesWithReport +=
                            ReportFacts.STRATEGY_MEETING_REPORT.equals(place.kind()) ? place.count() : 0;
                }
                case ReportFacts.CORE_GROUP_FAMILY -> {
                    if (groupBy != GroupBy.AGENCY) {
                        Tally t = tally(groups, groupBy, place.council(), place.council());
                        t.coreGroupFamiliesRecorded += place.count();
                        t.coreGroupFamiliesAttended += place.attended() ? place.count() : 0;
                    }
                }
                default -> {
                    Tally t = tally(groups, groupBy, place.council(), place.agency());
                    t.invited += place.count();
                    t.attended += place.attended() ? place.count() : 0;
                    if ("review".equals(place.kind())) {
                        t.invitedToReview += place.count();
                        t.attendedReview += place.attended() ? place.count() : 0;
                    }
                }
            }
        }
        for (ReportFacts.ChallengeFact challenge : facts.challenges()) {
            long n = challenge.count();
            Tally by = tally(groups, groupBy, challenge.council(), challenge.challenger());
            by.challengesRaised += n;
            if (challenge.resolved()) {
                by.challengesResolved += n;
                by.challengesResolvedAt.merge(challenge.stage(), n, Long::sum);
            } else {
                by.challengesOpenAt.merge(challenge.stage(), n, Long::sum);
            }
            tally(groups, groupBy, challenge.council(), challenge.challenged()).challengesReceived += n;
        }
        for (ReportFacts.AnswerFact answer : facts.answers()) {
            String preferred = preferredLanguage(answer);
            boolean inIt = preferred.equals(answer.answerLanguage());
            Tally t = tally(groups, groupBy, answer.council(), answer.council());
            t.answers += answer.count();
            t.answersInPreferred += inIt ? answer.count() : 0;
            if (WELSH.equals(preferred)) {
                t.answersToWelsh += answer.count();
                t.answersInWelshToWelsh += inIt ? answer.count() : 0;
            }
        }
        countRegister(groups, groupBy, facts.register());
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, t) -> rows.add(t.row(key, nameOf(groupBy, key))));
        return new Report(from, to, groupBy.wireName(), "calendar", now, rows);
    }

    /** The register's measures, each of the council holding the case (by agency: that council). */
    private void countRegister(Map<String, Tally> groups, GroupBy groupBy, ReportFacts.Register register) {
        for (ReportFacts.Registration r : register.registrations()) {
            Tally t = tally(groups, groupBy, r.council(), r.council());
            t.registrations += r.count();
            if (reRegistrationWithin12Months(r.addedOn(), r.lastRemovedOn())) {
                t.reRegistrations += r.count();
            }
        }
        for (ReportFacts.Removal r : register.removals()) {
            Tally t = tally(groups, groupBy, r.council(), r.council());
            t.removals += r.count();
            t.daysOnRegister.merge(java.time.temporal.ChronoUnit.DAYS.between(r.addedOn(), r.removedOn()), r.count(),
                    Long::sum);
            t.removedBand[band(r.addedOn(), r.removedOn())] += r.count();
        }
        for (ReportFacts.OnRegister r : register.onRegister()) {
            Tally t = tally(groups, groupBy, r.council(), r.council());
            t.onRegisterAtEnd += r.count();
            t.afterSecondReview += r.reviewsHeld() >= 2 ? r.count() : 0;
        }
    }

    /** Put on the register again no more than 12 months after last coming off it. */
    static boolean reRegistrationWithin12Months(LocalDate addedOn, LocalDate lastRemovedOn) {
        return lastRemovedOn != null && !addedOn.isAfter(lastRemovedOn.plusMonths(12));
    }

    /** Time on the register: 0 under 3 months, 1 from 3 to under 12, 2 from 12 to under 24, 3 from 24 months. */
    static int band(LocalDate addedOn, LocalDate removedOn) {
        if (removedOn.isBefore(addedOn.plusMonths(3))) {
            return 0;
        }
        if (removedOn.isBefore(addedOn.plusMonths(12))) {
            return 1;
        }
        return removedOn.isBefore(addedOn.plusMonths(24)) ? 2 : 3;
    }

    private void count(Tally t, ReportFacts.ClockFact clock) {
        long n = clock.count();
        if (clock.outcome() == ReportFacts.Outcome.OVERDUE) {
            t.overdue.merge(clock.clock(), n, Long::sum);
        }
        boolean onTime = clock.outcome() == ReportFacts.Outcome.MET_ON_TIME;
        switch (clock.clock()) {
            case REPORT_OUTCOME -> {
                if (clock.decided()) {
                    t.outcomesDue += n;
                    t.outcomesOnTime += onTime ? n : 0;
                }
                if (clock.minutesToMet() != null) {
                    t.minutesToOutcome.merge(clock.minutesToMet(), n, Long::sum);
                }
            }
            case WRITTEN_REPORT -> {
                if (isKind(clock.owedBy(), AgencyKind.GP_PRACTICE)) {
                    t.gpReportsRequested += n;
                    t.gpReportsReturned += clock.met() ? n : 0;
                } else if (isKind(clock.owedBy(), AgencyKind.HEALTH_BOARD)
                        || isKind(clock.owedBy(), AgencyKind.HEALTH_VISITING)
                        || isKind(clock.owedBy(), AgencyKind.SCHOOL_NURSING)) {
                    t.healthReportsRequested += n;
                    t.healthReportsReturned += clock.met() ? n : 0;
                }
            }
            case OUTLINE_PLAN -> t.outlinePlans.count(clock);
            case "initial-conference" -> t.initial.count(clock);
            case "first-review-conference", "review-conference" -> t.review.count(clock);
            case "first-core-group", "core-group" -> t.coreGroup.count(clock);
            case "conference-minutes" -> t.minutes.count(clock);
            case STRATEGY_CONTRIBUTION -> {
                t.contributionsAsked += n;
                t.contributionsMade += clock.met() ? n : 0;
            }
            default -> {
                // counted in overdue only
            }
        }
    }

    /** The report-maker's language: the directory's preference of the agency, else the report's own language. */
    private String preferredLanguage(ReportFacts.AnswerFact answer) {
        return agencies.apply(answer.reportMaker()).map(Agency::language)
                .filter(p -> p != LanguagePreference.UNKNOWN)
                .map(p -> p == LanguagePreference.CY ? WELSH : ENGLISH).orElse(answer.reportLanguage());
    }

    /** The council a clock concerns: the one that owes the step, else the one waiting for it. */
    private String councilOf(ReportFacts.ClockFact clock) {
        if (isKind(clock.owedBy(), AgencyKind.COUNCIL)) {
            return clock.owedBy();
        }
        return isKind(clock.waiting(), AgencyKind.COUNCIL) ? clock.waiting() : null;
    }

    private boolean isKind(String agencyId, AgencyKind kind) {
        return agencyId != null && agencies.apply(agencyId).map(a -> a.kind() == kind).orElse(false);
    }

    private Tally tally(Map<String, Tally> groups, GroupBy groupBy, String council, String agency) {
        if (!councilInScope.test(council)) {
            return new Tally(); // counted nowhere: outside the viewer's region
        }
        String key = switch (groupBy) {
            case AGENCY -> agency;
            case COUNCIL -> isKind(council, AgencyKind.COUNCIL) ? council : null;
            case REGION -> isKind(council, AgencyKind.COUNCIL)
                    ? agencies.apply(council).map(Agency::safeguardingBoard).orElse(null) : null;
        };
        return groups.computeIfAbsent(key == null ? UNKNOWN : key, k -> new Tally());
    }

    private String nameOf(GroupBy groupBy, String key) {
        return agencies.apply(key).map(a -> a.name().getOrDefault("en", key)).orElse(key);
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 3);
    }

    static Double round(Double value, int places) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    /** Clocks of one kind whose result is known (met, or past due), and those met by their due time. */
    private static final class OnTime {
        long due;
        long onTime;

        void count(ReportFacts.ClockFact clock) {
            if (clock.decided()) {
                due += clock.count();
                onTime += clock.outcome() == ReportFacts.Outcome.MET_ON_TIME ? clock.count() : 0;
            }
        }

        Double rate() {
            return BoardReport.rate(onTime, due);
        }
    }

    /** One group's running counts. */
    private static final class Tally {
        long dutyToReports;
        long outcomesDue;
        long outcomesOnTime;
        /** Minutes from report to outcome, with how many outcomes took each. */
        final TreeMap<Long, Long> minutesToOutcome = new TreeMap<>();
        long invitations;
        long invitationsWithGp;
        long gpReportsRequested;
        long gpReportsReturned;
        final OnTime outlinePlans = new OnTime();
        final Map<String, Long> overdue = new TreeMap<>();
        long contributionsAsked;
        long contributionsMade;
        long childrenInInvitations;
        long childrenInvited;
        long childrenOfferedAdvocate;
        long invitationNotRecorded;
        long childrenAtConferences;
        long childrenTookPart;
        long childrenWithAdvocate;
        long participationNotRecorded;
        final Map<String, Long> tookPartBy = new TreeMap<>();
        final Map<String, Long> whyNot = new TreeMap<>();
        long invited;
        long attended;
        long invitedToReview;
        long attendedReview;
        long coreGroupPlaces;
        long coreGroupAttended;
        long coreGroupApologiesWithReport;
        long coreGroupFamiliesRecorded;
        long coreGroupFamiliesAttended;
        long strategyMeetingPlaces;
        long strategyMeetingAttended;
        long strategyMeetingApologiesWithReport;
        final OnTime initial = new OnTime();
        final OnTime review = new OnTime();
        final OnTime coreGroup = new OnTime();
        final OnTime minutes = new OnTime();
        long healthReportsRequested;
        long healthReportsReturned;
        long answers;
        long answersInPreferred;
        long answersToWelsh;
        long answersInWelshToWelsh;
        long challengesRaised;
        long challengesResolved;
        long challengesReceived;
        final Map<String, Long> challengesResolvedAt = new TreeMap<>();
        final Map<String, Long> challengesOpenAt = new TreeMap<>();
        long registrations;
        long reRegistrations;
        long removals;
        /** Days on the register of the children taken off it, with how many were on it that long. */
        final TreeMap<Long, Long> daysOnRegister = new TreeMap<>();
        final long[] removedBand = new long[4];
        long onRegisterAtEnd;
        long afterSecondReview;

        void count(ReportFacts.VoiceFact voice) {
            long n = voice.count();
            if (voice.whyNot() != null) {
                whyNot.merge(voice.whyNot(), n, Long::sum);
            }
            if (ReportFacts.VoiceFact.INVITATION.equals(voice.stage())) {
                childrenInInvitations += n;
                if (!voice.recorded()) {
                    invitationNotRecorded += n;
                    return;
                }
                childrenInvited += voice.invited() ? n : 0;
                childrenOfferedAdvocate += voice.advocacy() ? n : 0;
                return;
            }
            childrenAtConferences += n;
            if (!voice.recorded()) {
                participationNotRecorded += n;
                return;
            }
            childrenWithAdvocate += voice.advocacy() ? n : 0;
            if (!ReportFacts.VoiceFact.DID_NOT_TAKE_PART.equals(voice.tookPart())) {
                childrenTookPart += n;
                tookPartBy.merge(voice.tookPart(), n, Long::sum);
            }
        }

        Row row(String group, String name) {
            return new Row(group, name, dutyToReports, outcomesDue, outcomesOnTime, rate(outcomesOnTime, outcomesDue),
                    round(daysToOutcome(), 1), invitations, invitationsWithGp,
                    rate(invitationsWithGp, invitations), gpReportsRequested, gpReportsReturned,
                    rate(gpReportsReturned, gpReportsRequested), outlinePlans.due, outlinePlans.onTime,
                    outlinePlans.rate(),
                    overdue.values().stream().mapToLong(Long::longValue).sum(), Map.copyOf(overdue),
                    contributionsAsked, contributionsMade, rate(contributionsMade, contributionsAsked),
                    childrenInInvitations, childrenInvited, childrenOfferedAdvocate, invitationNotRecorded,
                    childrenAtConferences, childrenTookPart, rate(childrenTookPart, childrenAtConferences),
                    childrenWithAdvocate, participationNotRecorded, Map.copyOf(tookPartBy), Map.copyOf(whyNot),
                    answers, answersInPreferred, rate(answersInPreferred, answers), answersToWelsh,
                    answersInWelshToWelsh, initial.due, initial.onTime, initial.rate(), review.due,
                    review.onTime, review.rate(), coreGroup.due, coreGroup.onTime,
                    coreGroup.rate(), minutes.due, minutes.onTime, minutes.rate(),
                    healthReportsRequested, healthReportsReturned,
                    rate(healthReportsReturned, healthReportsRequested), invited, attended, rate(attended, invited),
                    invitedToReview, attendedReview, rate(attendedReview, invitedToReview), coreGroupPlaces,
                    coreGroupAttended, coreGroupApologiesWithReport, rate(coreGroupAttended, coreGroupPlaces),
                    coreGroupFamiliesRecorded, coreGroupFamiliesAttended, strategyMeetingPlaces,
                    strategyMeetingAttended, strategyMeetingApologiesWithReport,
                    rate(strategyMeetingAttended, strategyMeetingPlaces), challengesRaised,
                    challengesResolved, rate(challengesResolved, challengesRaised), challengesReceived,
                    Map.copyOf(challengesResolvedAt), Map.copyOf(challengesOpenAt), registrations, reRegistrations,
                    rate(reRegistrations, registrations), removals, round(Percentiles.median(daysOnRegister), 1),
                    removedBand[0], removedBand[1], removedBand[2], removedBand[3], onRegisterAtEnd,
                    afterSecondReview, rate(afterSecondReview, onRegisterAtEnd));
        }

        private Double daysToOutcome() {
            Double minutes = Percentiles.median(minutesToOutcome);
            return minutes == null ? null : minutes / 1440.0;
        }
    }
}

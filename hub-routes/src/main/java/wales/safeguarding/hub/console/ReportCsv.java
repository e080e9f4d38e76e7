package wales.safeguarding.hub.console;

import java.util.List;
import java.util.TreeSet;

/**
 * The board report as CSV (RFC 4180): a header row, then a row per group; after the fixed columns a
 * {@code challengesResolvedAt:<stage>} then a {@code challengesOpenAt:<stage>} column for each stage of a professional
 * challenge (practitioner, manager, senior-manager, board); a {@code tookPartBy:<how>} column for each
 * way a child takes part, one {@code whyNot:<reason>} column per reason found in any group, and one
 * {@code overdue:<clock>} column per clock found overdue in any group.
 */
public final class ReportCsv {

    private static final List<String> COLUMNS = List.of("group", "name", "dutyToReportsReceived", "outcomesDue",
            "outcomesWithin7WorkingDays", "outcomeWithin7WorkingDaysRate", "medianCalendarDaysToOutcome",
            "conferenceInvitations", "conferenceInvitationsWithGp", "gpInvitationRate", "gpReportsRequested",
            "gpReportsReturned", "gpReportReturnRate", "outlinePlansDue", "outlinePlansOnTime", "outlinePlanOnTimeRate",
            "overdueTotal", "strategyContributionsAsked", "strategyContributionsMade", "strategyContributionRate",
            "childrenInInvitations", "childrenInvited", "childrenOfferedAdvocate", "childInvitationNotRecorded",
            "childrenAtConferences", "childrenTookPart", "childTookPartRate", "childrenWithAdvocate",
            "childParticipationNotRecorded", "answersToReportMakers", "answersInPreferredLanguage",
            "preferredLanguageRate", "answersToWelshSpeakers", "answersInWelshToWelshSpeakers",
            "initialConferencesDue", "initialConferencesOnTime", "initialConferenceOnTimeRate", "reviewConferencesDue",
            "reviewConferencesOnTime", "reviewConferenceOnTimeRate", "coreGroupsDue", "coreGroupsOnTime",
            "coreGroupOnTimeRate", "minutesDue", "minutesOnTime", "minutesOnTimeRate", "healthReportsRequested",
            "healthReportsReturned", "healthReportReturnRate", "invitedToConferences", "attendedConferences",
            "conferenceAttendanceRate", "invitedToReviewConferences", "attendedReviewConferences",
            "reviewConferenceAttendanceRate", "coreGroupPlaces", "coreGroupAttended", "coreGroupApologiesWithReport",
            "coreGroupAttendanceRate", "coreGroupFamiliesRecorded", "coreGroupFamiliesAttended",
            "strategyMeetingPlaces", "strategyMeetingAttended", "strategyMeetingApologiesWithReport",
            "strategyMeetingAttendanceRate", "challengesRaised", "challengesResolved", "challengeResolvedRate", "challengesReceived", "registrations",
            "reRegistrationsWithin12Months", "reRegistrationRate", "removalsFromRegister", "medianDaysOnRegister",
            "removedUnder3Months", "removed3To12Months", "removed12To24Months", "removedOver24Months",
            "childrenOnRegisterAtEnd", "stillRegisteredAfterSecondReview", "stillRegisteredAfterSecondReviewRate");
    /** The stages of a professional challenge, each a {@code challengesResolvedAt:<stage>} and
     * {@code challengesOpenAt:<stage>} column, in this order. */
    static final List<String> CHALLENGE_STAGES = List.of("practitioner", "manager", "senior-manager", "board");
    /** How children took part, each a {@code tookPartBy:<how>} column, in this order. */
    static final List<String> TOOK_PART = List.of("in-person", "in-part", "through-advocate", "written-views",
            "recorded-views");

    private ReportCsv() {
    }

    public static String write(BoardReport.Report report) {
        TreeSet<String> clocks = new TreeSet<>();
        report.rows().forEach(r -> clocks.addAll(r.overdue().keySet()));
        StringBuilder csv = new StringBuilder();
        List<String> header = new java.util.ArrayList<>(COLUMNS);
        TreeSet<String> reasons = new TreeSet<>();
        report.rows().forEach(r -> reasons.addAll(r.whyNot().keySet()));
        CHALLENGE_STAGES.forEach(k -> header.add("challengesResolvedAt:" + k));
        CHALLENGE_STAGES.forEach(k -> header.add("challengesOpenAt:" + k));
        TOOK_PART.forEach(k -> header.add("tookPartBy:" + k));
        reasons.forEach(k -> header.add("whyNot:" + k));
        clocks.forEach(k -> header.add("overdue:" + k));
        line(csv, header);
        for (BoardReport.Row r : report.rows()) {
            List<Object> cells = new java.util.ArrayList<>(List.of(r.group(), r.name(), r.dutyToReportsReceived(),
                    r.outcomesDue(), r.outcomesWithin7WorkingDays(), blank(r.outcomeWithin7WorkingDaysRate()),
                    blank(r.medianCalendarDaysToOutcome()), r.conferenceInvitations(), r.conferenceInvitationsWithGp(),
                    blank(r.gpInvitationRate()), r.gpReportsRequested(), r.gpReportsReturned(),
                    blank(r.gpReportReturnRate()), r.outlinePlansDue(), r.outlinePlansOnTime(),
                    blank(r.outlinePlanOnTimeRate()), r.overdueTotal(), r.strategyContributionsAsked(),
                    r.strategyContributionsMade(), blank(r.strategyContributionRate()), r.childrenInInvitations(),
                    r.childrenInvited(), r.childrenOfferedAdvocate(), r.childInvitationNotRecorded(),
                    r.childrenAtConferences(), r.childrenTookPart(), blank(r.childTookPartRate()),
                    r.childrenWithAdvocate(), r.childParticipationNotRecorded(), r.answersToReportMakers(),
                    r.answersInPreferredLanguage(), blank(r.preferredLanguageRate()), r.answersToWelshSpeakers(),
                    r.answersInWelshToWelshSpeakers(), r.initialConferencesDue(), r.initialConferencesOnTime(),
                    blank(r.initialConferenceOnTimeRate()), r.reviewConferencesDue(), r.reviewConferencesOnTime(),
                    blank(r.reviewConferenceOnTimeRate()), r.coreGroupsDue(), r.coreGroupsOnTime(),
                    blank(r.coreGroupOnTimeRate()), r.minutesDue(), r.minutesOnTime(), blank(r.minutesOnTimeRate()),
                    r.healthReportsRequested(), r.healthReportsReturned(), blank(r.healthReportReturnRate()),
                    r.invitedToConferences(), r.attendedConferences(), blank(r.conferenceAttendanceRate()),
                    r.invitedToReviewConferences(), r.attendedReviewConferences(),
                    blank(r.reviewConferenceAttendanceRate()), r.coreGroupPlaces(), r.coreGroupAttended(),
                    r.coreGroupApologiesWithReport(), blank(r.coreGroupAttendanceRate()), r.coreGroupFamiliesRecorded(),
                    r.coreGroupFamiliesAttended(), r.strategyMeetingPlaces(), r.strategyMeetingAttended(),
                    r.strategyMeetingApologiesWithReport(), blank(r.strategyMeetingAttendanceRate()),
                    r.challengesRaised(), r.challengesResolved(),
                    blank(r.challengeResolvedRate()), r.challengesReceived(), r.registrations(),
                    r.reRegistrationsWithin12Months(), blank(r.reRegistrationRate()), r.removalsFromRegister(),
                    blank(r.medianDaysOnRegister()), r.removedUnder3Months(), r.removed3To12Months(),
                    r.removed12To24Months(), r.removedOver24Months(), r.childrenOnRegisterAtEnd(),
                    r.stillRegisteredAfterSecondReview(), blank(r.stillRegisteredAfterSecondReviewRate())));
            CHALLENGE_STAGES.forEach(k -> cells.add(r.challengesResolvedAt().getOrDefault(k, 0L)));
            CHALLENGE_STAGES.forEach(k -> cells.add(r.challengesOpenAt().getOrDefault(k, 0L)));
            TOOK_PART.forEach(k -> cells.add(r.tookPartBy().getOrDefault(k, 0L)));
            reasons.forEach(k -> cells.add(r.whyNot().getOrDefault(k, 0L)));
            clocks.forEach(k -> cells.add(r.overdue().getOrDefault(k, 0L)));
            line(csv, cells);
        }
        return csv.toString();
    }

    private static Object blank(Double value) {
        return value == null ? "" : value;
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(String.valueOf(cells.get(i))));
        }
        csv.append("\r\n");
    }

    static String escape(String cell) {
        // a leading = + - @ would be a formula in a spreadsheet
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")
                ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}

package wales.safeguarding.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;

/** The board report's arithmetic: who each count belongs to, the rates, the median and the CSV. */
class BoardReportTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-01");
    private static final Directory DIRECTORY = new Directory(List.of(
            agency("council-a", AgencyKind.COUNCIL, "board-west"), agency("council-b", AgencyKind.COUNCIL, "board-west"),
            agency("council-c", AgencyKind.COUNCIL, "board-south"), agency("gp-1", AgencyKind.GP_PRACTICE, null),
            agency("police-1", AgencyKind.POLICE, null), agency("board-west", AgencyKind.SAFEGUARDING_BOARD, null),
            agency("health-1", AgencyKind.HEALTH_BOARD, null),
            new Agency("police-cy", AgencyKind.POLICE, Map.of("en", "police-cy name"), null, null, null, null, null,
                    null, wales.safeguarding.schemas.envelope.LanguagePreference.CY, null, null)));

    @Test
    void should_count_reports_outcomes_in_time_and_the_median_days_per_council() {
        ReportFacts facts = new ReportFacts(Map.of("council-a", 2L, "council-b", 1L), List.of(), List.of(
                outcome("council-a", 2, 7, 3.0), outcome("council-a", 2, 7, 9.0), outcome("council-a", 2, 7, null),
                outcome("council-a", 1, 30, null), outcome("council-b", 2, 7, 4.0)));

        BoardReport.Report report = report(facts, BoardReport.GroupBy.COUNCIL);

        BoardReport.Row a = row(report, "council-a");
        assertThat(a.dutyToReportsReceived()).isEqualTo(2);
        // three decided (met on time, met late, overdue); the one not yet due is left out
        assertThat(a.outcomesDue()).isEqualTo(3);
        assertThat(a.outcomesWithin7WorkingDays()).isEqualTo(1);
        assertThat(a.outcomeWithin7WorkingDaysRate()).isEqualTo(0.333);
        assertThat(a.medianCalendarDaysToOutcome()).isEqualTo(6.0);
        assertThat(a.overdue()).containsExactly(Map.entry("report-outcome", 1L));
        assertThat(a.overdueTotal()).isEqualTo(1);
        assertThat(a.name()).isEqualTo("council-a name");
        assertThat(row(report, "council-b").outcomeWithin7WorkingDaysRate()).isEqualTo(1.0);
        assertThat(report.daysToOutcomeAre()).isEqualTo("calendar");
    }

    @Test
    void should_rate_gp_invitations_gp_reports_and_outline_plans_and_group_by_region_or_agency() {
        ReportFacts facts = new ReportFacts(Map.of("council-c", 1L), List.of(
                new ReportFacts.Invitations("council-a", true, 1), new ReportFacts.Invitations("council-a", false, 1),
                new ReportFacts.Invitations("council-b", true, 1)),
                List.of(clock("written-report", "gp-1", "council-a", 2, 10, 1.0),
                        clock("written-report", "gp-1", "council-b", 2, 10, null),
                        clock("written-report", "police-1", "council-a", 2, 1, null),
                        clock("outline-plan", "council-a", "council-a", 10, 5, 4.0),
                        clock("outline-plan", "council-b", "council-b", 10, 5, 6.0)));

        BoardReport.Row west = row(report(facts, BoardReport.GroupBy.REGION), "board-west");
        assertThat(west.name()).isEqualTo("board-west name");
        assertThat(west.conferenceInvitations()).isEqualTo(3);
        assertThat(west.gpInvitationRate()).isEqualTo(0.667);
        assertThat(west.gpReportsRequested()).isEqualTo(2);
        assertThat(west.gpReportReturnRate()).isEqualTo(0.5);
        assertThat(west.outlinePlansDue()).isEqualTo(2);
        assertThat(west.outlinePlanOnTimeRate()).isEqualTo(0.5);
        assertThat(west.dutyToReportsReceived()).isZero();
        assertThat(row(report(facts, BoardReport.GroupBy.REGION), "board-south").dutyToReportsReceived()).isEqualTo(1);

        BoardReport.Report byAgency = report(facts, BoardReport.GroupBy.AGENCY);
        assertThat(row(byAgency, "gp-1").gpReportsReturned()).isEqualTo(1);
        assertThat(row(byAgency, "police-1").gpReportsRequested()).isZero();
        assertThat(row(byAgency, "police-1").overdue()).containsEntry("written-report", 1L);
        assertThat(row(byAgency, "council-a").gpInvitationRate()).isEqualTo(0.5);
    }

    @Test
    void should_show_a_regional_boards_viewer_only_its_councils_and_each_agencys_figures_from_them() {
        // issue 15 item 5: board-west covers council-a and council-b; council-c is board-south's
        ReportFacts facts = new ReportFacts(Map.of("council-a", 2L, "council-c", 3L, "police-1", 1L), List.of(
                new ReportFacts.Invitations("council-a", true, 1), new ReportFacts.Invitations("council-c", true, 4)),
                List.of(clock("written-report", "gp-1", "council-a", 2, 10, 1.0),
                        clock("written-report", "gp-1", "council-c", 20, 10, null)));
        BoardScope west = BoardScope.region("board-west");

        BoardReport.Report byCouncil = scoped(facts, BoardReport.GroupBy.COUNCIL, west);
        assertThat(byCouncil.rows()).extracting(BoardReport.Row::group).containsExactly("council-a");
        assertThat(row(byCouncil, "council-a").dutyToReportsReceived()).isEqualTo(2);
        assertThat(row(byCouncil, "council-a").conferenceInvitations()).isEqualTo(1);

        // the GP's figures from board-west's cases only: one report asked and returned, nothing overdue
        BoardReport.Row gp = row(scoped(facts, BoardReport.GroupBy.AGENCY, west), "gp-1");
        assertThat(gp.gpReportsRequested()).isEqualTo(1);
        assertThat(gp.gpReportsReturned()).isEqualTo(1);
        assertThat(gp.overdueTotal()).isZero();
        assertThat(scoped(facts, BoardReport.GroupBy.REGION, west).rows()).extracting(BoardReport.Row::group)
                .containsExactly("board-west");

        // the national view: Wales, what belongs to no council included
        assertThat(row(report(facts, BoardReport.GroupBy.AGENCY), "gp-1").gpReportsRequested()).isEqualTo(2);
        assertThat(report(facts, BoardReport.GroupBy.COUNCIL).rows()).extracting(BoardReport.Row::group)
                .containsExactlyInAnyOrder("council-a", "council-c", BoardReport.UNKNOWN);
    }

    @Test
    @DisplayName("Issue 15 item 1, 2.2: strategy meeting places, attended, apologies and the rate, by council, region and agency, apart from conferences and core groups")
    void should_count_who_came_to_strategy_meetings_apart_from_conferences_and_core_groups() {
        // council-a's strategy meeting records listed 6 places: police-1 attended 3, gp-1 attended 1, sent apologies
        // and a report once and was absent once; council-c's one record: school-1 absent. A core group place and a
        // review conference place of council-a besides, which the strategy figures must not count.
        List<ReportFacts.AttendanceFact> places = List.of(
                new ReportFacts.AttendanceFact("council-a", "police-1", ReportFacts.STRATEGY_MEETING, true, 3),
                new ReportFacts.AttendanceFact("council-a", "gp-1", ReportFacts.STRATEGY_MEETING, true, 1),
                new ReportFacts.AttendanceFact("council-a", "gp-1", ReportFacts.STRATEGY_MEETING_REPORT, false, 1),
                new ReportFacts.AttendanceFact("council-a", "gp-1", ReportFacts.STRATEGY_MEETING, false, 1),
                new ReportFacts.AttendanceFact("council-c", "school-1", ReportFacts.STRATEGY_MEETING, false, 1),
                new ReportFacts.AttendanceFact("council-a", "gp-1", ReportFacts.CORE_GROUP, true, 1),
                new ReportFacts.AttendanceFact("council-a", "gp-1", "review", false, 1));
        ReportFacts facts = new ReportFacts(Map.of(), List.of(), List.of(), List.of(), List.of(), places);

        // by hand: council-a 6 places, 4 attended (3 + 1), 1 apologies with a report; rate 4 / 6 = 0.667 (3 places)
        BoardReport.Row a = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-a");
        assertThat(a.strategyMeetingPlaces()).isEqualTo(6);
        assertThat(a.strategyMeetingAttended()).isEqualTo(4);
        assertThat(a.strategyMeetingApologiesWithReport()).isEqualTo(1);
        assertThat(a.strategyMeetingAttendanceRate()).isEqualTo(0.667);
        assertThat(a.coreGroupPlaces()).isEqualTo(1);
        assertThat(a.invitedToConferences()).isEqualTo(1);
        BoardReport.Row c = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-c");
        assertThat(c.strategyMeetingPlaces()).isEqualTo(1);
        assertThat(c.strategyMeetingAttendanceRate()).isEqualTo(0.0);

        // by region: board-west holds council-a, board-south council-c
        BoardReport.Report byRegion = report(facts, BoardReport.GroupBy.REGION);
        assertThat(row(byRegion, "board-west").strategyMeetingPlaces()).isEqualTo(6);
        assertThat(row(byRegion, "board-south").strategyMeetingAttended()).isZero();

        // by agency: gp-1 3 places, 1 attended, 1 apologies: 1 / 3 = 0.333; police-1 3 of 3
        BoardReport.Report byAgency = report(facts, BoardReport.GroupBy.AGENCY);
        assertThat(row(byAgency, "gp-1").strategyMeetingPlaces()).isEqualTo(3);
        assertThat(row(byAgency, "gp-1").strategyMeetingApologiesWithReport()).isEqualTo(1);
        assertThat(row(byAgency, "gp-1").strategyMeetingAttendanceRate()).isEqualTo(0.333);
        assertThat(row(byAgency, "police-1").strategyMeetingAttendanceRate()).isEqualTo(1.0);

        List<String> csv = ReportCsv.write(report(facts, BoardReport.GroupBy.COUNCIL)).lines().toList();
        List<String> header = List.of(csv.get(0).split(",", -1));
        List<String> councilA = List.of(csv.stream().filter(l -> l.startsWith("council-a,")).findFirst().orElseThrow()
                .split(",", -1));
        assertThat(councilA.get(header.indexOf("strategyMeetingPlaces"))).isEqualTo("6");
        assertThat(councilA.get(header.indexOf("strategyMeetingAttended"))).isEqualTo("4");
        assertThat(councilA.get(header.indexOf("strategyMeetingApologiesWithReport"))).isEqualTo("1");
        assertThat(councilA.get(header.indexOf("strategyMeetingAttendanceRate"))).isEqualTo("0.667");
        assertThat(header.indexOf("strategyMeetingPlaces")).isEqualTo(header.indexOf("coreGroupFamiliesAttended") + 1);
    }

    @Test
    void should_count_who_came_to_core_groups_apart_from_conferences_and_the_family_by_council_only() {
        // issue 15 item 1: council-a's core groups recorded 5 places (gp-1 absent twice and once with apologies and a
        // report, police-1 attended twice) and the family twice (came once); one review conference place besides
        List<ReportFacts.AttendanceFact> places = List.of(
                new ReportFacts.AttendanceFact("council-a", "gp-1", ReportFacts.CORE_GROUP, false, 2),
                new ReportFacts.AttendanceFact("council-a", "gp-1", ReportFacts.CORE_GROUP_REPORT, false, 1),
                new ReportFacts.AttendanceFact("council-a", "police-1", ReportFacts.CORE_GROUP, true, 2),
                new ReportFacts.AttendanceFact("council-a", null, ReportFacts.CORE_GROUP_FAMILY, true, 1),
                new ReportFacts.AttendanceFact("council-a", null, ReportFacts.CORE_GROUP_FAMILY, false, 1),
                new ReportFacts.AttendanceFact("council-a", "gp-1", "review", true, 1));
        ReportFacts facts = new ReportFacts(Map.of(), List.of(), List.of(), List.of(), List.of(), places);

        BoardReport.Row a = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-a");
        assertThat(a.coreGroupPlaces()).isEqualTo(5);
        assertThat(a.coreGroupAttended()).isEqualTo(2);
        assertThat(a.coreGroupApologiesWithReport()).isEqualTo(1);
        assertThat(a.coreGroupAttendanceRate()).isEqualTo(0.4);
        assertThat(a.coreGroupFamiliesRecorded()).isEqualTo(2);
        assertThat(a.coreGroupFamiliesAttended()).isEqualTo(1);
        // conferences counted apart: the one review place only
        assertThat(a.invitedToConferences()).isEqualTo(1);
        assertThat(a.attendedReviewConferences()).isEqualTo(1);

        BoardReport.Report byAgency = report(facts, BoardReport.GroupBy.AGENCY);
        assertThat(row(byAgency, "gp-1").coreGroupPlaces()).isEqualTo(3);
        assertThat(row(byAgency, "gp-1").coreGroupAttended()).isZero();
        assertThat(row(byAgency, "police-1").coreGroupAttendanceRate()).isEqualTo(1.0);
        // the family is no agency: not a row of its own by agency
        assertThat(byAgency.rows()).extracting(BoardReport.Row::group).doesNotContain(BoardReport.UNKNOWN);
    }

    @Test
    void should_put_what_belongs_to_no_council_under_unknown_and_leave_rates_of_nothing_empty() {
        ReportFacts facts = new ReportFacts(Map.of("police-1", 1L), List.of(), List.of());
        BoardReport.Row unknown = row(report(facts, BoardReport.GroupBy.COUNCIL), BoardReport.UNKNOWN);
        assertThat(unknown.dutyToReportsReceived()).isEqualTo(1);
        assertThat(unknown.gpInvitationRate()).isNull();
        assertThat(unknown.medianCalendarDaysToOutcome()).isNull();
    }

    @Test
    void should_write_csv_with_a_header_a_column_per_overdue_clock_and_escaped_cells() {
        ReportFacts facts = new ReportFacts(Map.of("council-a", 1L), List.of(),
                List.of(outcome("council-a", 2, 7, null), clock("outline-plan", "council-b", "council-b", 20, 5, null)));
        String csv = ReportCsv.write(report(facts, BoardReport.GroupBy.COUNCIL));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("group,name,dutyToReportsReceived,outcomesDue,outcomesWithin7WorkingDays,")
                .contains(",overdueTotal,strategyContributionsAsked,strategyContributionsMade,strategyContributionRate,"
                        + "childrenInInvitations,childrenInvited,childrenOfferedAdvocate,childInvitationNotRecorded,"
                        + "childrenAtConferences,childrenTookPart,childTookPartRate,childrenWithAdvocate,"
                        + "childParticipationNotRecorded,answersToReportMakers,answersInPreferredLanguage,"
                        + "preferredLanguageRate,answersToWelshSpeakers,answersInWelshToWelshSpeakers,"
                        + "initialConferencesDue,initialConferencesOnTime,initialConferenceOnTimeRate,"
                        + "reviewConferencesDue,reviewConferencesOnTime,reviewConferenceOnTimeRate,coreGroupsDue,"
                        + "coreGroupsOnTime,coreGroupOnTimeRate,minutesDue,minutesOnTime,minutesOnTimeRate,"
                        + "healthReportsRequested,healthReportsReturned,healthReportReturnRate,"
                        + "invitedToConferences,attendedConferences,conferenceAttendanceRate,"
                        + "invitedToReviewConferences,attendedReviewConferences,reviewConferenceAttendanceRate,"
                        + "coreGroupPlaces,coreGroupAttended,coreGroupApologiesWithReport,coreGroupAttendanceRate,"
                        + "coreGroupFamiliesRecorded,coreGroupFamiliesAttended,"
                        + "strategyMeetingPlaces,strategyMeetingAttended,strategyMeetingApologiesWithReport,"
                        + "strategyMeetingAttendanceRate,"
                        + "challengesRaised,challengesResolved,challengeResolvedRate,challengesReceived,"
                        + "registrations,reRegistrationsWithin12Months,reRegistrationRate,removalsFromRegister,"
                        + "medianDaysOnRegister,removedUnder3Months,removed3To12Months,removed12To24Months,"
                        + "removedOver24Months,childrenOnRegisterAtEnd,stillRegisteredAfterSecondReview,"
                        + "stillRegisteredAfterSecondReviewRate,"
                        + "challengesResolvedAt:practitioner,challengesResolvedAt:manager,"
                        + "challengesResolvedAt:senior-manager,challengesResolvedAt:board,"
                        + "challengesOpenAt:practitioner,challengesOpenAt:manager,challengesOpenAt:senior-manager,"
                        + "challengesOpenAt:board,tookPartBy:in-person,tookPartBy:in-part,")
                .endsWith(",tookPartBy:recorded-views,overdue:outline-plan,overdue:report-outcome");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("council-a,council-a name,1,1,0,0.0,,0,0,,").endsWith(",1,0,0,,0,0,0,0,0,0,,0,0,0,0,,0,0,0,0,,0,0,,0,0,,0,0,,0,0,,0,0,,0,0,,0,0,0,,0,0,0,0,0,,"
                + "0,0,,0,0,0,,0,,0,0,0,0,0,0,,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1");
        assertThat(csv).contains("\r\n");
        assertThat(ReportCsv.escape("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
        assertThat(ReportCsv.escape("=cmd()")).isEqualTo("'=cmd()");
        assertThat(ReportCsv.escape("-1.5")).isEqualTo("-1.5");
    }

    @Test
    @DisplayName("Issue 14 item 5: each council's children, invited or not, and how they took part, without who they are")
    void should_count_the_childrens_voice_per_council_and_region() {
        ReportFacts facts = new ReportFacts(Map.of(), List.of(), List.of(), List.of(
                voice("council-a", "invitation", true, true, true, null, null, 3),
                voice("council-a", "invitation", true, false, true, null, "age-and-understanding", 1),
                voice("council-a", "invitation", false, false, false, null, null, 2),
                voice("council-a", "outline-plan", true, false, true, "in-person", null, 2),
                voice("council-a", "outline-plan", true, false, false, "written-views", null, 1),
                voice("council-a", "outline-plan", true, false, false, "did-not-take-part", "child-declined", 1),
                voice("council-a", "outline-plan", false, false, false, null, null, 1),
                voice("council-c", "outline-plan", true, false, true, "through-advocate", null, 1)));

        BoardReport.Row a = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-a");
        assertThat(a.childrenInInvitations()).isEqualTo(6);
        assertThat(a.childrenInvited()).isEqualTo(3);
        assertThat(a.childrenOfferedAdvocate()).isEqualTo(4);
        assertThat(a.childInvitationNotRecorded()).isEqualTo(2);
        assertThat(a.childrenAtConferences()).isEqualTo(5);
        assertThat(a.childrenTookPart()).isEqualTo(3);
        // of every child of the outline plans: the one not recorded is not known to have taken part
        assertThat(a.childTookPartRate()).isEqualTo(0.6);
        assertThat(a.childrenWithAdvocate()).isEqualTo(2);
        assertThat(a.childParticipationNotRecorded()).isEqualTo(1);
        assertThat(a.tookPartBy()).containsExactlyInAnyOrderEntriesOf(Map.of("in-person", 2L, "written-views", 1L));
        assertThat(a.whyNot()).containsExactlyInAnyOrderEntriesOf(
                Map.of("age-and-understanding", 1L, "child-declined", 1L));
        BoardReport.Report byRegion = report(facts, BoardReport.GroupBy.REGION);
        assertThat(row(byRegion, "board-west").childrenAtConferences()).isEqualTo(5);
        assertThat(row(byRegion, "board-south").tookPartBy()).containsExactlyEntriesOf(Map.of("through-advocate", 1L));

        List<String> csv = ReportCsv.write(report(facts, BoardReport.GroupBy.COUNCIL)).lines().toList();
        assertThat(csv.get(0)).endsWith(",tookPartBy:recorded-views,whyNot:age-and-understanding,whyNot:child-declined");
        assertThat(csv.get(1)).startsWith("council-a,").endsWith(",0,0,0,,6,3,4,2,5,3,0.6,2,1,0,0,,0,0,0,0,,0,0,,0,0,,0,0,,0,0,,0,0,,0,0,,0,0,0,,0"
                + ",0,0,0,0,,0,0,,0,0,0,,0,,0,0,0,0,0,0,,0,0,0,0,0,0,0,0,2,0,0,1,0,1,1");
    }

    @Test
    @DisplayName("Issue 14 item 2: who was asked for a strategy contribution and who sent it, by agency and by council")
    void should_count_strategy_contributions_asked_and_made() {
        ReportFacts facts = new ReportFacts(Map.of(), List.of(), List.of(
                clock("strategy-contribution", "gp-1", "council-a", 0, 1, 0.0),
                clock("strategy-contribution", "gp-1", "council-a", 0, 1, null),
                clock("strategy-contribution", "school-1", "council-a", 0, 1, 0.0)));

        BoardReport.Report byAgency = report(facts, BoardReport.GroupBy.AGENCY);
        assertThat(row(byAgency, "gp-1").strategyContributionsAsked()).isEqualTo(2);
        assertThat(row(byAgency, "gp-1").strategyContributionsMade()).isEqualTo(1);
        assertThat(row(byAgency, "gp-1").strategyContributionRate()).isEqualTo(0.5);
        assertThat(row(byAgency, "school-1").strategyContributionRate()).isEqualTo(1.0);
        BoardReport.Row a = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-a");
        assertThat(a.strategyContributionsAsked()).isEqualTo(3);
        assertThat(a.strategyContributionsMade()).isEqualTo(2);
    }

    @Test
    @DisplayName("1.3 active offer: each council's answers in the report-maker's preferred language, Welsh speakers apart")
    void should_count_answers_in_the_report_makers_preferred_language() {
        // police-1 has no preference in the directory: its report's own language counts; police-cy prefers Welsh
        ReportFacts facts = new ReportFacts(Map.of(), List.of(), List.of(), List.of(), List.of(
                new ReportFacts.AnswerFact("council-a", "police-1", "cy", "cy", 2),
                new ReportFacts.AnswerFact("council-a", "police-1", "cy", "en", 1),
                new ReportFacts.AnswerFact("council-a", "police-1", "en", "en", 3),
                new ReportFacts.AnswerFact("council-a", "police-cy", "en", "en", 2),
                new ReportFacts.AnswerFact("council-c", "police-cy", "en", "cy", 1)));

        BoardReport.Row a = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-a");
        assertThat(a.answersToReportMakers()).isEqualTo(8);
        assertThat(a.answersInPreferredLanguage()).isEqualTo(5);
        assertThat(a.preferredLanguageRate()).isEqualTo(0.625);
        assertThat(a.answersToWelshSpeakers()).isEqualTo(5);
        assertThat(a.answersInWelshToWelshSpeakers()).isEqualTo(2);
        BoardReport.Row c = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-c");
        assertThat(c.answersInWelshToWelshSpeakers()).isEqualTo(1);
        assertThat(c.preferredLanguageRate()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("4.1: conferences, core groups and minutes on time, and health's written reports, worked out by hand")
    void should_count_the_timeliness_of_each_step_and_healths_reports() {
        // council-a: two initial conferences held in time, one late, one not yet due (not counted); a first review
        // on time and a review late; a core group on time and an overdue one; minutes late; the health board asked
        // for two reports and returning one. council-b: one initial conference overdue.
        ReportFacts facts = new ReportFacts(Map.of(), List.of(), List.of(
                clock("initial-conference", "council-a", "council-a", 20, 15, 10.0),
                clock("initial-conference", "council-a", "council-a", 20, 15, 14.0),
                clock("initial-conference", "council-a", "council-a", 30, 15, 20.0),
                clock("initial-conference", "council-a", "council-a", 1, 15, null),
                clock("first-review-conference", "council-a", "council-a", 100, 90, 80.0),
                clock("review-conference", "council-a", "council-a", 200, 180, 190.0),
                clock("first-core-group", "council-a", "council-a", 20, 10, 9.0),
                clock("core-group", "council-a", "council-a", 60, 42, null),
                clock("conference-minutes", "council-a", "council-a", 40, 20, 25.0),
                clock("written-report", "health-1", "council-a", 10, 5, 4.0),
                clock("written-report", "health-1", "council-a", 10, 5, null),
                clock("initial-conference", "council-b", "council-b", 30, 15, null)));

        BoardReport.Row a = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-a");
        assertThat(a.initialConferencesDue()).isEqualTo(3);
        assertThat(a.initialConferencesOnTime()).isEqualTo(2);
        assertThat(a.initialConferenceOnTimeRate()).isEqualTo(0.667);
        assertThat(a.reviewConferencesDue()).isEqualTo(2);
        assertThat(a.reviewConferencesOnTime()).isEqualTo(1);
        assertThat(a.coreGroupsDue()).isEqualTo(2);
        assertThat(a.coreGroupOnTimeRate()).isEqualTo(0.5);
        assertThat(a.minutesDue()).isEqualTo(1);
        assertThat(a.minutesOnTimeRate()).isEqualTo(0.0);
        assertThat(a.healthReportsRequested()).isEqualTo(2);
        assertThat(a.healthReportsReturned()).isEqualTo(1);
        assertThat(a.gpReportsRequested()).isZero();
        BoardReport.Row b = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-b");
        assertThat(b.initialConferenceOnTimeRate()).isEqualTo(0.0);
        assertThat(row(report(facts, BoardReport.GroupBy.REGION), "board-west").initialConferencesDue()).isEqualTo(4);
    }

    @Test
    @DisplayName("2.2: places at conferences and attendances, review conferences apart, by council and by agency")
    void should_count_who_came_to_the_conferences() {
        // council-a's conferences: the GP invited to three (attended one, a review), police to two (both, one a
        // review); council-c's: the GP invited to one review and absent
        ReportFacts facts = new ReportFacts(Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(
                new ReportFacts.AttendanceFact("council-a", "gp-1", "initial", false, 2),
                new ReportFacts.AttendanceFact("council-a", "gp-1", "review", true, 1),
                new ReportFacts.AttendanceFact("council-a", "police-1", "initial", true, 1),
                new ReportFacts.AttendanceFact("council-a", "police-1", "review", true, 1),
                new ReportFacts.AttendanceFact("council-c", "gp-1", "review", false, 1)));

        BoardReport.Row a = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-a");
        assertThat(a.invitedToConferences()).isEqualTo(5);
        assertThat(a.attendedConferences()).isEqualTo(3);
        assertThat(a.conferenceAttendanceRate()).isEqualTo(0.6);
        assertThat(a.invitedToReviewConferences()).isEqualTo(2);
        assertThat(a.attendedReviewConferences()).isEqualTo(2);
        BoardReport.Row gp = row(report(facts, BoardReport.GroupBy.AGENCY), "gp-1");
        assertThat(gp.invitedToConferences()).isEqualTo(4);
        assertThat(gp.attendedConferences()).isEqualTo(1);
        assertThat(gp.reviewConferenceAttendanceRate()).isEqualTo(0.5);
    }

    @Test
    @DisplayName("5.2: challenges raised, resolved and the stage reached, by council, region and agency, and in the CSV")
    void should_count_challenges_raised_resolved_and_the_stage_reached() {
        // council-a's cases: police-1 raised three against council-a (two resolved at the manager stage, one open at
        // the board stage); gp-1 raised one against police-1, resolved at the practitioner stage. council-c's case:
        // council-c raised one against gp-1, open at the practitioner stage.
        ReportFacts facts = new ReportFacts(Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(
                new ReportFacts.ChallengeFact("council-a", "police-1", "council-a", "manager", true, 2),
                new ReportFacts.ChallengeFact("council-a", "police-1", "council-a", "board", false, 1),
                new ReportFacts.ChallengeFact("council-a", "gp-1", "police-1", "practitioner", true, 1),
                new ReportFacts.ChallengeFact("council-c", "council-c", "gp-1", "practitioner", false, 1)));

        // council-a: 3 + 1 = 4 raised, 2 + 1 = 3 resolved (3/4 = 0.75), all four of its cases' challenges received
        BoardReport.Row a = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-a");
        assertThat(a.challengesRaised()).isEqualTo(4);
        assertThat(a.challengesResolved()).isEqualTo(3);
        assertThat(a.challengeResolvedRate()).isEqualTo(0.75);
        assertThat(a.challengesReceived()).isEqualTo(4);
        assertThat(a.challengesResolvedAt()).isEqualTo(Map.of("manager", 2L, "practitioner", 1L));
        assertThat(a.challengesOpenAt()).isEqualTo(Map.of("board", 1L));
        // board-west has council-a (and council-b, none); council-c is in board-south
        assertThat(row(report(facts, BoardReport.GroupBy.REGION), "board-west").challengesRaised()).isEqualTo(4);
        assertThat(row(report(facts, BoardReport.GroupBy.REGION), "board-south").challengesOpenAt())
                .isEqualTo(Map.of("practitioner", 1L));
        // by agency: police-1 raised 3 (2 resolved) and received 1; council-a raised none and received 3; gp-1
        // raised 1 (resolved) and received 1
        BoardReport.Report byAgency = report(facts, BoardReport.GroupBy.AGENCY);
        BoardReport.Row police = row(byAgency, "police-1");
        assertThat(police.challengesRaised()).isEqualTo(3);
        assertThat(police.challengesResolved()).isEqualTo(2);
        assertThat(police.challengeResolvedRate()).isEqualTo(0.667);
        assertThat(police.challengesReceived()).isEqualTo(1);
        assertThat(row(byAgency, "council-a").challengesRaised()).isZero();
        assertThat(row(byAgency, "council-a").challengeResolvedRate()).isNull();
        assertThat(row(byAgency, "council-a").challengesReceived()).isEqualTo(3);
        assertThat(row(byAgency, "gp-1").challengesReceived()).isEqualTo(1);

        String[] csv = ReportCsv.write(report(facts, BoardReport.GroupBy.COUNCIL)).split("\r\n");
        List<String> header = List.of(csv[0].split(","));
        List<String> councilA = List.of(csv[1].split(",", -1));
        assertThat(councilA.get(0)).isEqualTo("council-a");
        assertThat(councilA.get(header.indexOf("challengesRaised"))).isEqualTo("4");
        assertThat(councilA.get(header.indexOf("challengeResolvedRate"))).isEqualTo("0.75");
        assertThat(councilA.get(header.indexOf("challengesResolvedAt:manager"))).isEqualTo("2");
        assertThat(councilA.get(header.indexOf("challengesResolvedAt:senior-manager"))).isEqualTo("0");
        assertThat(councilA.get(header.indexOf("challengesOpenAt:board"))).isEqualTo("1");
        assertThat(header.indexOf("challengesOpenAt:practitioner"))
                .isEqualTo(header.indexOf("challengesResolvedAt:board") + 1);
    }

    private static ReportFacts.VoiceFact voice(String council, String stage, boolean recorded, boolean invited,
            boolean advocacy, String tookPart, String whyNot, long count) {
        return new ReportFacts.VoiceFact(council, stage, recorded, invited, advocacy, tookPart, whyNot, count);
    }

    @Test
    void should_take_the_median_of_counted_values_as_of_the_values_written_out() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 200; round++) {
            java.util.TreeMap<Long, Long> counts = new java.util.TreeMap<>();
            List<Double> written = new java.util.ArrayList<>();
            for (int i = random.nextInt(6); i >= 0; i--) {
                long value = random.nextInt(20);
                long times = 1 + random.nextInt(4);
                counts.merge(value, times, Long::sum);
                for (int t = 0; t < times; t++) {
                    written.add((double) value);
                }
            }
            assertThat(Percentiles.median(counts)).as("%s", counts).isEqualTo(Percentiles.median(written));
        }
        assertThat(Percentiles.median(new java.util.TreeMap<>())).isNull();
    }

    @Test
    void should_count_grouped_clocks_as_many_times_as_they_occurred() {
        // the database counts clocks alike into one fact: two such facts count as the five clocks they stand for
        ReportFacts facts = new ReportFacts(Map.of(), List.of(), List.of(
                new ReportFacts.ClockFact("report-outcome", "council-a", "police-1", ReportFacts.Outcome.MET_ON_TIME,
                        1440L, 3),
                new ReportFacts.ClockFact("report-outcome", "council-a", "police-1", ReportFacts.Outcome.MET_LATE,
                        14400L, 2)));
        BoardReport.Row a = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-a");
        assertThat(a.outcomesDue()).isEqualTo(5);
        assertThat(a.outcomesWithin7WorkingDays()).isEqualTo(3);
        assertThat(a.medianCalendarDaysToOutcome()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("4.1: re-registrations within 12 months, time on the register and children still registered after "
            + "their second review, by council, region and agency, and in the CSV")
    void should_count_re_registrations_time_on_the_register_and_children_past_their_second_review() {
        ReportFacts.Register register = new ReportFacts.Register(List.of(
                // council-a: off the register on 2025-12-01, back on 2026-11-03: within 12 months
                registration("council-a", "2026-11-03", "2025-12-01", 1),
                // exactly 12 months after (2025-11-10 + 12 months = 2026-11-10): within
                registration("council-a", "2026-11-10", "2025-11-10", 1),
                // a day more than 12 months: not
                registration("council-a", "2026-11-11", "2025-11-10", 1),
                // never on it before
                registration("council-a", "2026-11-20", null, 2),
                // council-c: back on a month after coming off
                registration("council-c", "2026-11-02", "2026-10-01", 1)), List.of(
                // 2026-09-01 to 11-05: 29 + 31 + 5 = 65 days, under 3 months (3 months on is 2026-12-01)
                removal("council-a", "2026-09-01", "2026-11-05", 1),
                // 2026-08-05 to 11-05: 31 + 30 + 31 = 92 days, exactly 3 months: 3 to 12
                removal("council-a", "2026-08-05", "2026-11-05", 1),
                // 2025-11-06 to 2026-11-05: 365 - 1 = 364 days, a day short of 12 months: 3 to 12
                removal("council-a", "2025-11-06", "2026-11-05", 1),
                // 2025-05-05 to 2026-11-05: 365 + 184 = 549 days, 18 months: 12 to 24 (two children)
                removal("council-a", "2025-05-05", "2026-11-05", 2),
                // 2024-11-05 to 2026-11-05: 365 + 365 = 730 days, exactly 24 months: over 24
                removal("council-a", "2024-11-05", "2026-11-05", 1)), List.of(
                new ReportFacts.OnRegister("council-a", 0, 3), new ReportFacts.OnRegister("council-a", 1, 2),
                new ReportFacts.OnRegister("council-a", 2, 1), new ReportFacts.OnRegister("council-a", 3, 1),
                new ReportFacts.OnRegister("council-c", 2, 1)));
        ReportFacts facts = new ReportFacts(Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                register);

        BoardReport.Row a = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-a");
        // 1 + 1 + 1 + 2 = 5 registrations, 2 within 12 months of the last removal: 2/5 = 0.4
        assertThat(a.registrations()).isEqualTo(5);
        assertThat(a.reRegistrationsWithin12Months()).isEqualTo(2);
        assertThat(a.reRegistrationRate()).isEqualTo(0.4);
        // six removals: 65, 92, 364, 549, 549, 730 days; the median is (364 + 549) / 2 = 456.5
        assertThat(a.removalsFromRegister()).isEqualTo(6);
        assertThat(a.medianDaysOnRegister()).isEqualTo(456.5);
        assertThat(a.removedUnder3Months()).isEqualTo(1);
        assertThat(a.removed3To12Months()).isEqualTo(2);
        assertThat(a.removed12To24Months()).isEqualTo(2);
        assertThat(a.removedOver24Months()).isEqualTo(1);
        // 3 + 2 + 1 + 1 = 7 on the register at the end, 1 + 1 = 2 with two reviews or more: 2/7 = 0.286
        assertThat(a.childrenOnRegisterAtEnd()).isEqualTo(7);
        assertThat(a.stillRegisteredAfterSecondReview()).isEqualTo(2);
        assertThat(a.stillRegisteredAfterSecondReviewRate()).isEqualTo(0.286);

        BoardReport.Row c = row(report(facts, BoardReport.GroupBy.COUNCIL), "council-c");
        assertThat(c.reRegistrationRate()).isEqualTo(1.0);
        assertThat(c.removalsFromRegister()).isZero();
        assertThat(c.medianDaysOnRegister()).isNull();
        assertThat(c.stillRegisteredAfterSecondReviewRate()).isEqualTo(1.0);
        // board-west is council-a (council-b has none); board-south council-c; by agency, the council holding the case
        assertThat(row(report(facts, BoardReport.GroupBy.REGION), "board-west").registrations()).isEqualTo(5);
        assertThat(row(report(facts, BoardReport.GroupBy.REGION), "board-south").reRegistrationsWithin12Months())
                .isEqualTo(1);
        assertThat(row(report(facts, BoardReport.GroupBy.AGENCY), "council-a").medianDaysOnRegister())
                .isEqualTo(456.5);
        // a board viewer of board-south sees council-c only
        assertThat(scoped(facts, BoardReport.GroupBy.COUNCIL, BoardScope.region("board-south")).rows())
                .extracting(BoardReport.Row::group).containsExactly("council-c");

        String[] csv = ReportCsv.write(report(facts, BoardReport.GroupBy.COUNCIL)).split("\r\n");
        List<String> header = List.of(csv[0].split(","));
        List<String> councilA = List.of(csv[1].split(",", -1));
        assertThat(councilA.get(0)).isEqualTo("council-a");
        assertThat(councilA.get(header.indexOf("reRegistrationRate"))).isEqualTo("0.4");
        assertThat(councilA.get(header.indexOf("medianDaysOnRegister"))).isEqualTo("456.5");
        assertThat(councilA.get(header.indexOf("removed12To24Months"))).isEqualTo("2");
        assertThat(councilA.get(header.indexOf("stillRegisteredAfterSecondReview"))).isEqualTo("2");
        assertThat(header.indexOf("registrations")).isEqualTo(header.indexOf("challengesReceived") + 1);
    }

    private static ReportFacts.Registration registration(String council, String addedOn, String lastRemovedOn,
            long count) {
        return new ReportFacts.Registration(council, LocalDate.parse(addedOn),
                lastRemovedOn == null ? null : LocalDate.parse(lastRemovedOn), count);
    }

    private static ReportFacts.Removal removal(String council, String addedOn, String removedOn, long count) {
        return new ReportFacts.Removal(council, LocalDate.parse(addedOn), LocalDate.parse(removedOn), count);
    }

    private static BoardReport.Report report(ReportFacts facts, BoardReport.GroupBy groupBy) {
        return new BoardReport(DIRECTORY::find).build(DAY, DAY, groupBy, facts, NOW);
    }

    private static BoardReport.Report scoped(ReportFacts facts, BoardReport.GroupBy groupBy, BoardScope scope) {
        return new BoardReport(DIRECTORY::find, scope).build(DAY, DAY, groupBy, facts, NOW);
    }

    private static BoardReport.Row row(BoardReport.Report report, String group) {
        return report.rows().stream().filter(r -> r.group().equals(group)).findFirst().orElseThrow();
    }

    /** A report-outcome clock started {@code daysAgo}, due {@code dueDays} later, met {@code metDays} after start. */
    private static ReportFacts.ClockFact outcome(String council, int daysAgo, int dueDays, Double metDays) {
        return clock("report-outcome", council, "police-1", daysAgo * 10, dueDays, metDays);
    }

    private static ReportFacts.ClockFact clock(String name, String owedBy, String waiting, int daysAgo, int dueDays,
            Double metDays) {
        Instant started = NOW.minus(Duration.ofDays(daysAgo));
        Instant met = metDays == null ? null : started.plus(Duration.ofMinutes((long) (metDays * 1440)));
        return ReportFacts.ClockFact.of(name, owedBy, waiting, started, started.plus(Duration.ofDays(dueDays)), met, NOW);
    }

    private static Agency agency(String id, AgencyKind kind, String board) {
        return new Agency(id, kind, Map.of("en", id + " name"), kind == AgencyKind.COUNCIL ? "W0600000" + id.length()
                + id.charAt(id.length() - 1) : null, null, null, null, board, null, null, null, null);
    }
}

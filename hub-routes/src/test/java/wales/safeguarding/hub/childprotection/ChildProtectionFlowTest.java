package wales.safeguarding.hub.childprotection;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.escalation.Escalator;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/** The rules of the child protection process that the 2023 review found broken, enforced by the hub. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ChildProtectionFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String GP = AgencyStubs.GP;
    private static final String SCHOOL = AgencyStubs.SCHOOL;
    private static final String FHIR_GP = AgencyStubs.FHIR_GP;
    private static final String PROCESS_MESSAGE = "/fhir/$process-message";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @Inject
    Escalator escalator;

    private CaseMessages journey;

    @BeforeEach
    void a_new_case() {
        agencies.reset();
        journey = new CaseMessages();
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    void should_add_the_childs_gp_practice_to_a_conference_invitation_that_left_it_out_and_say_so() {
        ObjectNode invitation = CaseMessages.naming(CaseMessages.inviting(journey.of("conference-invitation"), POLICE,
                SCHOOL), POLICE, SCHOOL);

        HubApi.send(COUNCIL, invitation).statusCode(202)
                .body("recipients", equalTo(List.of(POLICE, SCHOOL, GP)))
                .body("complianceNotes[0].code", equalTo("gp-added"))
                .body("complianceNotes[0].en", org.hamcrest.Matchers.containsString(GP))
                .body("complianceNotes[0].cy", org.hamcrest.Matchers.containsString("feddygfa deulu"));

        awaitReceived(GP, Messages.id(invitation));
        HubApi.track(COUNCIL, Messages.id(invitation)).statusCode(200)
                .body("history.findAll { it.event == 'compliance-note' }.detail",
                        hasItem(org.hamcrest.Matchers.startsWith("gp-added: The hub added the child's GP practice")));
    }

    @Test
    void should_send_an_invitation_when_no_gp_practice_is_known_and_flag_the_gap() {
        ObjectNode invitation = CaseMessages.inviting(journey.of("conference-invitation"), POLICE, SCHOOL);
        ((ObjectNode) invitation.with("body").withArray("children").get(0)).remove("gpPractice");
        CaseMessages.naming(invitation);

        HubApi.send(COUNCIL, invitation).statusCode(202)
                .body("recipients", equalTo(List.of(POLICE, SCHOOL)))
                .body("complianceNotes[0].code", equalTo("gp-unknown"));
    }

    @Test
    void should_reject_an_invitation_without_the_reason_for_the_conference_or_the_section_47_conclusion() {
        ObjectNode noReason = journey.of("conference-invitation");
        noReason.with("body").remove("reason");
        HubApi.send(COUNCIL, noReason).statusCode(422)
                .body("violations.pointer", hasItem("/body/reason")).body("violations.rule", hasItem("required"));

        ObjectNode noConclusion = journey.of("conference-invitation");
        noConclusion.with("body").remove("section47Conclusion");
        HubApi.send(COUNCIL, noConclusion).statusCode(422).body("violations.pointer", hasItem("/body/section47Conclusion"));
    }

    @Test
    void should_send_the_outline_plan_to_every_invitee_and_core_group_member_whatever_list_the_council_supplies() {
        HubApi.send(COUNCIL, journey.of("conference-invitation")).statusCode(202);
        // The council names only the police, who attended; the GP and the school did not attend.
        ObjectNode plan = CaseMessages.naming(journey.of("outline-plan"), POLICE);
        plan.with("body").putArray("attended").add(COUNCIL).add(POLICE);

        HubApi.send(COUNCIL, plan).statusCode(202)
                .body("recipients", org.hamcrest.Matchers.containsInAnyOrder(POLICE, GP, SCHOOL))
                .body("complianceNotes[0].code", equalTo("recipients-added"));

        for (String agency : List.of(POLICE, GP, SCHOOL)) {
            awaitReceived(agency, Messages.id(plan));
        }
    }

    @Test
    void should_refuse_an_outline_plan_for_a_conference_the_hub_never_saw() {
        HubApi.send(COUNCIL, journey.of("outline-plan")).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/conferenceId"))
                .body("violations[0].rule", equalTo("known-conference"));
    }

    @Test
    void should_refuse_a_conference_invitation_from_an_agency_that_is_not_childrens_services() {
        ObjectNode invitation = journey.of("conference-invitation");
        invitation.put("sender", POLICE);
        HubApi.send(POLICE, invitation).statusCode(422)
                .body("violations[0].pointer", equalTo("/sender")).body("violations[0].rule", equalTo("council-only-type"));
    }

    @Test
    void should_reject_removal_from_the_register_without_eligible_needs_and_a_contingency_plan() {
        ObjectNode removal = journey.of("register-change");
        removal.with("body").put("change", "removed");
        removal.with("body").remove("categoriesOfHarm");

        HubApi.send(COUNCIL, removal).statusCode(422)
                .body("violations.pointer", org.hamcrest.Matchers.hasItems("/body/eligibleNeeds", "/body/contingencyPlan"));
    }

    @Test
    void should_send_a_register_change_to_the_childs_gp_practice_school_and_police_force() {
        ObjectNode added = CaseMessages.naming(journey.of("register-change"));

        HubApi.send(COUNCIL, added).statusCode(202)
                .body("recipients", org.hamcrest.Matchers.containsInAnyOrder(GP, SCHOOL, POLICE));

        for (String agency : List.of(GP, SCHOOL, POLICE)) {
            awaitReceived(agency, Messages.id(added));
        }
    }

    @Test
    void should_sign_every_message_to_a_school_so_that_the_school_can_tell_it_came_from_the_hub() {
        ObjectNode update = CaseMessages.naming(journey.of("plan-update"), SCHOOL);
        HubApi.send(COUNCIL, update).statusCode(202);

        awaitReceived(SCHOOL, Messages.id(update));
        var request = agencies.of(SCHOOL).findAll(postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Id", WireMock.equalTo(Messages.id(update)))).get(0);
        var verification = wales.safeguarding.adapters.school.WebhookSignature.verify("test-only-webhook-secret",
                request.getHeader("X-Hub-Timestamp"), request.getHeader("X-Hub-Signature"), request.getBody(),
                Instant.now());
        assertThat(verification.valid()).as(verification.reason()).isTrue();
        assertThat(wales.safeguarding.adapters.school.WebhookSignature.verify("another-secret",
                request.getHeader("X-Hub-Timestamp"), request.getHeader("X-Hub-Signature"), request.getBody(),
                Instant.now()).valid()).isFalse();
    }

    @Test
    void should_return_a_schools_acknowledgement_to_the_council_and_mark_the_delivery_acknowledged() {
        ObjectNode update = CaseMessages.naming(journey.of("plan-update"), SCHOOL);
        HubApi.send(COUNCIL, update).statusCode(202);
        awaitReceived(SCHOOL, Messages.id(update));

        ObjectNode rejectedWithoutReason = journey.of("acknowledgement");
        rejectedWithoutReason.put("correlationId", Messages.id(update));
        rejectedWithoutReason.with("body").put("status", "rejected");
        HubApi.send(SCHOOL, rejectedWithoutReason).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/reason"));

        ObjectNode ack = journey.of("acknowledgement");
        ack.put("correlationId", Messages.id(update));
        HubApi.send(SCHOOL, ack).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));
        awaitReceived(COUNCIL, Messages.id(ack));
        assertThat(HubApi.state(COUNCIL, Messages.id(update), SCHOOL)).isEqualTo("acknowledged");

        ObjectNode notYours = journey.of("acknowledgement");
        notYours.put("correlationId", Messages.id(update)).put("sender", POLICE);
        HubApi.send(POLICE, notYours).statusCode(422)
                .body("violations[0].rule", equalTo("acknowledges-a-message-sent-to-you"));
    }

    @Test
    void should_request_a_gp_written_report_for_every_conference_and_track_it_to_its_return() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        ObjectNode invitation = journey.of("conference-invitation");
        invitation.with("body").with("meeting").put("startsAt", "2027-01-05T10:00:00Z");
        invitation.with("body").with("writtenReport").put("requested", false).remove("dueBy");
        HubApi.send(COUNCIL, invitation).statusCode(202);
        String invitationId = Messages.id(invitation);

        // Asked of the GP even though the council requested no reports: due two working days before the conference
        // (Monday 4 January, then Thursday 31 December: New Year's Day skipped).
        HubApi.track(COUNCIL, invitationId).statusCode(200)
                .body("clocks.findAll { it.clock == 'written-report' }.owedBy", equalTo(List.of(GP)))
                .body("clocks.find { it.clock == 'written-report' }.dueAt", equalTo("2027-01-01T00:00:00Z"));

        ObjectNode report = journey.of("conference-report");
        report.put("correlationId", invitationId);
        HubApi.send(GP, report).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));

        HubApi.track(COUNCIL, invitationId).statusCode(200)
                .body("clocks.find { it.clock == 'written-report' }.metAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void should_move_the_outline_plan_clock_when_the_conference_is_rescheduled() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        ObjectNode invitation = journey.of("conference-invitation");
        invitation.with("body").with("meeting").put("startsAt", "2026-12-10T10:00:00Z");
        HubApi.send(COUNCIL, invitation).statusCode(202);
        assertThat(outlinePlanDue(Messages.id(invitation))).isEqualTo("2026-12-18T00:00:00Z");

        ObjectNode moved = journey.of("conference-invitation");
        moved.with("body").with("meeting").put("startsAt", "2026-12-21T10:00:00Z");
        moved.with("body").put("rescheduledFrom", "2026-12-10T10:00:00Z");
        HubApi.send(COUNCIL, moved).statusCode(202);

        // Five working days after Monday 21 December, Christmas Day and the substitute Boxing Day skipped: the end of
        // Wednesday 30 December.
        assertThat(outlinePlanDue(Messages.id(invitation))).isEqualTo("2026-12-31T00:00:00Z");
    }

    @Test
    void should_escalate_a_late_outline_plan_to_the_council_then_its_managers_then_the_regional_board() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        ObjectNode invitation = journey.of("conference-invitation");
        invitation.with("body").with("meeting").put("startsAt", "2026-12-10T10:00:00Z");
        // a strategy discussion days before: this test is about the outline plan, not a late initial conference
        invitation.with("body").put("lastStrategyDiscussionAt", "2026-11-30T10:00:00Z");
        HubApi.send(COUNCIL, invitation).statusCode(202);

        // Due by the end of Thursday 17 December; managers three working days later, the board five.
        clock.set(Instant.parse("2026-12-18T00:00:01Z"));
        escalator.fireDue();
        awaitEscalation(COUNCIL, "reminder");
        clock.set(Instant.parse("2026-12-23T00:00:01Z"));
        escalator.fireDue();
        awaitEscalation(COUNCIL, "manager-notice");
        clock.set(Instant.parse("2027-01-01T00:00:01Z"));
        escalator.fireDue();
        JsonNode board = awaitEscalation(AgencyStubs.MID_AND_WEST_WALES_BOARD, "board-notice");
        assertThat(board.get("caseReference").asText()).isEqualTo(journey.caseReference());
        assertThat(board.has("childReference")).as("a board's copy names no child").isFalse();
        assertThat(board.at("/body/notices/1/text").asText()).contains("outline plan").contains(journey.caseReference());
    }

    @Test
    void should_remind_again_for_the_new_deadline_when_a_conference_is_moved_after_its_reminder() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        ObjectNode invitation = journey.of("conference-invitation");
        invitation.with("body").with("meeting").put("startsAt", "2026-12-03T10:00:00Z");
        invitation.with("body").put("lastStrategyDiscussionAt", "2026-11-30T10:00:00Z");
        HubApi.send(COUNCIL, invitation).statusCode(202);
        // Outline plan due by the end of Thursday 10 December; reminded the next morning.
        clock.set(Instant.parse("2026-12-11T00:00:01Z"));
        escalator.fireDue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(outlinePlanReminders()).isEqualTo(1));

        // The conference did not happen: it is moved to Monday 14 December, so the plan is due by the end of the 21st.
        ObjectNode moved = journey.of("conference-invitation");
        moved.with("body").with("meeting").put("startsAt", "2026-12-14T10:00:00Z");
        moved.with("body").put("rescheduledFrom", "2026-12-03T10:00:00Z");
        HubApi.send(COUNCIL, moved).statusCode(202);
        clock.set(Instant.parse("2026-12-22T00:00:01Z"));
        escalator.fireDue();

        await().atMost(WAIT).untilAsserted(() -> assertThat(outlinePlanReminders()).isEqualTo(2));
        HubApi.track(COUNCIL, Messages.id(invitation)).statusCode(200)
                .body("history.findAll { it.event == 'escalation-failed' }", org.hamcrest.Matchers.empty());
    }

    @Test
    void should_refuse_an_outline_plan_naming_a_core_group_member_the_directory_does_not_know() {
        HubApi.send(COUNCIL, journey.of("conference-invitation")).statusCode(202);
        ObjectNode plan = journey.of("outline-plan");
        plan.with("body").withArray("coreGroup").addObject().put("agencyId", "no-such-agency").put("role", "x");

        HubApi.send(COUNCIL, plan).statusCode(422).body("violations[0].rule", equalTo("known-recipient"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("no-such-agency"));
    }

    private int outlinePlanReminders() {
        return agencies.of(COUNCIL).findAll(postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", WireMock.equalTo("escalation"))
                .withRequestBody(WireMock.matchingJsonPath("$.caseReference", WireMock.equalTo(journey.caseReference())))
                .withRequestBody(WireMock.matchingJsonPath("$.body.step", WireMock.equalTo("reminder")))
                // the initial conference clock this invitation started may be reminded in the same notice
                .withRequestBody(WireMock.matchingJsonPath("$.body.missing[?(@ == 'outline-plan')]"))).size();
    }

    @Test
    void should_refuse_a_correction_to_the_final_minutes_after_ten_working_days() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        HubApi.send(COUNCIL, journey.of("conference-invitation")).statusCode(202);
        ObjectNode minutes = journey.of("conference-minutes");
        minutes.with("body").put("final", true);
        HubApi.send(COUNCIL, minutes).statusCode(202);

        ObjectNode inTime = journey.of("minutes-correction");
        inTime.put("correlationId", Messages.id(minutes));
        clock.set(Instant.parse("2026-12-15T16:00:00Z"));
        HubApi.send(GP, inTime).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));

        ObjectNode late = journey.of("minutes-correction");
        late.put("correlationId", Messages.id(minutes));
        // Ten working days after Tuesday 1 December end with Tuesday 15 December.
        clock.set(Instant.parse("2026-12-16T00:00:01Z"));
        HubApi.send(GP, late).statusCode(422).body("violations[0].rule", equalTo("corrections-window"));
    }

    /** Issue 10 defect 7: corrections run from the final minutes, not from the draft that came first. */
    @Test
    void should_accept_corrections_to_final_minutes_sent_after_a_draft_for_ten_working_days_after_the_final() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        HubApi.send(COUNCIL, journey.of("conference-invitation")).statusCode(202);
        ObjectNode draft = journey.of("conference-minutes");
        HubApi.send(COUNCIL, draft).statusCode(202);

        // Wednesday 16 December, more than ten working days after the draft: corrections to it are still taken.
        clock.set(Instant.parse("2026-12-16T09:00:00Z"));
        ObjectNode toTheDraft = journey.of("minutes-correction");
        toTheDraft.put("correlationId", Messages.id(draft));
        HubApi.send(GP, toTheDraft).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));
        ObjectNode finalMinutes = journey.of("conference-minutes");
        finalMinutes.with("body").put("final", true);
        HubApi.send(COUNCIL, finalMinutes).statusCode(202);

        // Ten working days after Wednesday 16 December, Christmas Day, the substitute Boxing Day (Monday 28) and
        // New Year's Day skipped: 17, 18, 21-24, 29-31 December, 4 January: the end of Monday 4 January 2027.
        clock.set(Instant.parse("2027-01-04T16:00:00Z"));
        ObjectNode inTime = journey.of("minutes-correction");
        inTime.put("correlationId", Messages.id(finalMinutes));
        HubApi.send(GP, inTime).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));

        clock.set(Instant.parse("2027-01-05T00:00:01Z"));
        ObjectNode late = journey.of("minutes-correction");
        late.put("correlationId", Messages.id(finalMinutes));
        HubApi.send(GP, late).statusCode(422).body("violations[0].rule", equalTo("corrections-window"));
    }

    /** Issue 10 defect 4: 1.2 on the outline plan's path off the register too; nothing of a refusal is stored. */
    @Test
    void should_refuse_an_outline_plan_taking_a_registered_child_off_the_register_without_eligible_needs_and_a_contingency_plan() {
        answerFhir();
        HubApi.send(COUNCIL, invitationForAChildAtTheFhirPractice()).statusCode(202);
        HubApi.send(COUNCIL, CaseMessages.naming(childAtTheFhirPractice(journey.of("register-change")))).statusCode(202);
        ObjectNode plan = journey.of("outline-plan");
        plan.with("body").put("registered", false).remove("categoriesOfHarm");

        HubApi.send(COUNCIL, plan).statusCode(422)
                .body("violations.pointer", org.hamcrest.Matchers.contains("/body/eligibleNeeds", "/body/contingencyPlan"))
                .body("violations.rule", org.hamcrest.Matchers.everyItem(
                        equalTo("removal-needs-eligible-needs-and-contingency-plan")));
        HubApi.track(COUNCIL, Messages.id(plan)).statusCode(404);
    }

    /** Issue 10 defect 4: removal by an outline plan ends the GP's Flag and tells the school and police. */
    @Test
    void should_end_the_gps_flag_and_tell_the_school_and_police_when_an_outline_plan_takes_the_child_off_the_register() {
        answerFhir();
        HubApi.send(COUNCIL, invitationForAChildAtTheFhirPractice()).statusCode(202);
        HubApi.send(COUNCIL, CaseMessages.naming(childAtTheFhirPractice(journey.of("register-change")))).statusCode(202);
        ObjectNode plan = journey.of("outline-plan");
        plan.with("body").put("registered", false).remove("categoriesOfHarm");
        plan.with("body").put("eligibleNeeds", "Help with school attendance and a family support worker.")
                .put("contingencyPlan", "If Alys is left alone again, the school tells children's services the same day.");

        HubApi.send(COUNCIL, plan).statusCode(202);

        JsonNode flag = awaitFlag("inactive");
        assertThat(flag.at("/period/end").asText()).isEqualTo("2025-06-24");
        for (String agency : List.of(SCHOOL, POLICE)) {
            JsonNode change = awaitRegisterChange(agency, Messages.id(plan));
            assertThat(change.at("/sender").asText()).isEqualTo(COUNCIL);
            assertThat(change.at("/body/change").asText()).isEqualTo("removed");
            assertThat(change.at("/body/effectiveOn").asText()).isEqualTo("2025-06-24");
        }
        assertThat(awaitRegisterChange(SCHOOL, Messages.id(plan)).at("/body/contingencyPlan").asText())
                .startsWith("If Alys is left alone again");
    }

    /**
     * Issue 10 defects 4 and 10: the register change the hub would make could not be filed by the FHIR practice (no
     * NHS number): the outline plan is refused, naming the practice, the place and the rule, and nothing is stored.
     */
    @Test
    void should_refuse_an_outline_plan_whose_register_change_the_gps_fhir_system_could_not_file() {
        ObjectNode invitation = invitationForAChildAtTheFhirPractice();
        ((ObjectNode) invitation.with("body").withArray("children").get(0)).remove("nhsNumber");
        HubApi.send(COUNCIL, invitation).statusCode(202);
        ObjectNode plan = journey.of("outline-plan");

        HubApi.send(COUNCIL, plan).statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("unsendable"))
                .body("violations[0].pointer", equalTo("/body/children"))
                .body("violations[0].rule", equalTo("gp-needs-nhs-number"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString(FHIR_GP));
        HubApi.track(COUNCIL, Messages.id(plan)).statusCode(404);
    }

    /** Issue 10 defect 4: a registering outline plan raises the Flag in the GP record. */
    @Test
    void should_raise_the_gps_flag_and_tell_the_school_and_police_when_an_outline_plan_registers_the_child() {
        answerFhir();
        HubApi.send(COUNCIL, invitationForAChildAtTheFhirPractice()).statusCode(202);
        ObjectNode plan = journey.of("outline-plan");

        HubApi.send(COUNCIL, plan).statusCode(202);

        JsonNode flag = awaitFlag("active");
        assertThat(flag.at("/period/start").asText()).isEqualTo("2025-06-24");
        for (String agency : List.of(SCHOOL, POLICE)) {
            assertThat(awaitRegisterChange(agency, Messages.id(plan)).at("/body/change").asText()).isEqualTo("added");
        }
    }

    @Test
    void should_add_the_police_to_a_strategy_discussion_and_start_the_initial_conference_clock() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        ObjectNode meeting = CaseMessages.naming(CaseMessages.inviting(journey.of("strategy-meeting-invitation"), GP), GP);
        meeting.with("body").remove("dutyToReportId");
        meeting.with("body").with("meeting").put("startsAt", "2026-12-02T10:00:00Z");

        // the school is asked for what it knows too (StrategyContributionFlowTest)
        HubApi.send(COUNCIL, meeting).statusCode(202)
                .body("recipients", org.hamcrest.Matchers.containsInAnyOrder(GP, POLICE, SCHOOL))
                .body("complianceNotes.code", equalTo(List.of("police-added", "contributors-added")));
        // Fifteen working days after Wednesday 2 December: the end of Wednesday 23 December.
        HubApi.track(COUNCIL, Messages.id(meeting)).statusCode(200)
                .body("clocks.find { it.clock == 'initial-conference' }.dueAt", equalTo("2026-12-24T00:00:00Z"));
    }

    @Test
    void should_not_give_a_school_police_intelligence_about_a_household_member() throws Exception {
        ObjectNode share = journey.of("information-share");
        HubApi.send(POLICE, share).statusCode(202);

        JsonNode atSchool = awaitReceived(SCHOOL, Messages.id(share));
        JsonNode atCouncil = awaitReceived(COUNCIL, Messages.id(share));
        assertThat(atCouncil.at("/body/policeIntelligence").isMissingNode()).isFalse();
        assertThat(atSchool.at("/body/policeIntelligence").isMissingNode()).isTrue();
        assertThat(atSchool.at("/body/summary").isMissingNode()).isFalse();
    }

    @Test
    void should_send_a_self_harm_alert_about_a_registered_child_to_the_school_by_rule() {
        HubApi.send(COUNCIL, CaseMessages.naming(journey.of("register-change"))).statusCode(202);
        ObjectNode alert = CaseMessages.naming(journey.of("health-alert"));
        alert.with("body").put("kind", "self-harm-incident");

        HubApi.send(GP, alert).statusCode(202)
                .body("recipients", org.hamcrest.Matchers.containsInAnyOrder(COUNCIL, SCHOOL))
                .body("complianceNotes[0].code", equalTo("alert-routed"));
        JsonNode atSchool = awaitReceived(SCHOOL, Messages.id(alert));
        assertThat(atSchool.at("/body/clinicalDetail").isMissingNode()).as("clinical detail stays with health").isTrue();
    }

    @Test
    void should_send_an_alert_about_a_child_not_on_the_register_to_the_council_only() {
        ObjectNode alert = CaseMessages.naming(journey.of("health-alert"));
        alert.with("body").put("kind", "self-harm-incident");
        HubApi.send(GP, alert).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));
    }

    /** The case's invitation, its child registered at the FHIR practice (which the hub adds to the invitees). */
    private ObjectNode invitationForAChildAtTheFhirPractice() {
        ObjectNode invitation = journey.of("conference-invitation");
        ((ObjectNode) invitation.with("body").withArray("children").get(0)).with("gpPractice").put("odsCode", "Z99002");
        return invitation;
    }

    private static ObjectNode childAtTheFhirPractice(ObjectNode registerChange) {
        registerChange.with("body").with("child").with("gpPractice").put("odsCode", "Z99002");
        return registerChange;
    }

    /** The FHIR practice's system answers every message with an "ok" FHIR response message. */
    private void answerFhir() {
        agencies.of(FHIR_GP).stubFor(WireMock.post(urlEqualTo(PROCESS_MESSAGE)).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json")
                        .withBody("""
                                {"resourceType": "Bundle", "type": "message", "entry": [{"resource": {
                                  "resourceType": "MessageHeader", "id": "reply-1",
                                  "eventCoding": {"system": "https://hub.safeguarding.wales/fhir/message-event",
                                                  "code": "register-change"},
                                  "source": {"endpoint": "https://gp-z99002.example.org/fhir"},
                                  "response": {"identifier": "received", "code": "ok"}}}]}""")));
    }

    /**
     * The Flag of this case's child with this status, as the FHIR practice received it in a register-change bundle
     * (its identifier: the case and the child, here by NHS number).
     */
    private JsonNode awaitFlag(String status) {
        return await().atMost(WAIT).until(() -> agencies.of(FHIR_GP)
                .findAll(postRequestedFor(urlEqualTo(PROCESS_MESSAGE))).stream()
                .map(r -> read(r.getBody()))
                .filter(b -> "register-change".equals(b.at("/entry/0/resource/eventCoding/code").asText()))
                .flatMap(b -> java.util.stream.StreamSupport.stream(b.get("entry").spliterator(), false))
                .map(e -> e.get("resource"))
                .filter(r -> "Flag".equals(r.path("resourceType").asText()) && status.equals(r.path("status").asText())
                        && r.at("/identifier/0/value").asText().startsWith(journey.caseReference() + "/"))
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    /** The register change the hub made from the outline plan {@code planId}, as {@code agency} received it. */
    private JsonNode awaitRegisterChange(String agency, String planId) {
        var pattern = postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", WireMock.equalTo("register-change"))
                .withRequestBody(WireMock.matchingJsonPath("$.correlationId", WireMock.equalTo(planId)));
        await().atMost(WAIT).untilAsserted(() -> agencies.of(agency).verify(exactly(1), pattern));
        return read(agencies.of(agency).findAll(pattern).get(0).getBody());
    }

    private String outlinePlanDue(String invitationId) {
        return HubApi.track(COUNCIL, invitationId).statusCode(200).extract().path(
                "clocks.find { it.clock == 'outline-plan' }.dueAt");
    }

    private JsonNode awaitReceived(String agency, String messageId) {
        var pattern = postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Id", WireMock.equalTo(messageId));
        await().atMost(WAIT).untilAsserted(() -> agencies.of(agency).verify(exactly(1), pattern));
        return read(agencies.of(agency).findAll(pattern).get(0).getBody());
    }

    private JsonNode awaitEscalation(String agency, String step) {
        var pattern = postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", WireMock.equalTo("escalation"))
                .withRequestBody(WireMock.matchingJsonPath("$.caseReference", WireMock.equalTo(journey.caseReference())))
                .withRequestBody(WireMock.matchingJsonPath("$.body.step", WireMock.equalTo(step)))
                .withRequestBody(WireMock.matchingJsonPath("$.body.missing[0]", WireMock.equalTo("outline-plan")));
        await().atMost(WAIT).untilAsserted(() -> agencies.of(agency).verify(exactly(1), pattern));
        return read(agencies.of(agency).findAll(pattern).get(0).getBody());
    }

    private static JsonNode read(byte[] body) {
        try {
            return CanonicalJson.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

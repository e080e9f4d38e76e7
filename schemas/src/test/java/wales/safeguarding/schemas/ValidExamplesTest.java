package wales.safeguarding.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import wales.safeguarding.schemas.childprotection.ConferenceCancellation;
import wales.safeguarding.schemas.childprotection.SafetyPlan;
import wales.safeguarding.schemas.childprotection.StrategyContribution;
import wales.safeguarding.schemas.childprotection.StrategyContributionRequest;
import wales.safeguarding.schemas.challenge.ChallengeResponse;
import wales.safeguarding.schemas.challenge.ProfessionalChallenge;
import wales.safeguarding.schemas.transfer.CaseTransfer;
import wales.safeguarding.schemas.oversight.BoardReportExport;
import wales.safeguarding.schemas.childprotection.HealthAssessmentCompleted;
import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.ConferenceMinutes;
import wales.safeguarding.schemas.childprotection.ConferenceReport;
import wales.safeguarding.schemas.childprotection.HealthAlert;
import wales.safeguarding.schemas.childprotection.InformationShare;
import wales.safeguarding.schemas.childprotection.MinutesCorrection;
import wales.safeguarding.schemas.childprotection.OutlinePlan;
import wales.safeguarding.schemas.childprotection.PlanUpdate;
import wales.safeguarding.schemas.childprotection.RegisterChange;
import wales.safeguarding.schemas.childprotection.SchoolAlert;
import wales.safeguarding.schemas.childprotection.SchoolTransfer;
import wales.safeguarding.schemas.childprotection.Section47Determination;
import wales.safeguarding.schemas.childprotection.StrategyMeetingInvitation;
import wales.safeguarding.schemas.dutytoreport.DutyToReport;
import wales.safeguarding.schemas.dutytoreport.ReportAcknowledgement;
import wales.safeguarding.schemas.dutytoreport.ReportOutcome;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.tracking.DeliveryReceipt;
import wales.safeguarding.schemas.tracking.Escalation;
import wales.safeguarding.schemas.validation.CanonicalValidator;

class ValidExamplesTest {

    private static final Map<MessageType, Class<?>> BODY_TYPES = Map.ofEntries(
            Map.entry(MessageType.DUTY_TO_REPORT, DutyToReport.class),
            Map.entry(MessageType.REPORT_ACKNOWLEDGEMENT, ReportAcknowledgement.class),
            Map.entry(MessageType.ACKNOWLEDGEMENT, wales.safeguarding.schemas.tracking.Acknowledgement.class),
            Map.entry(MessageType.REPORT_OUTCOME, ReportOutcome.class),
            Map.entry(MessageType.DELIVERY_RECEIPT, DeliveryReceipt.class),
            Map.entry(MessageType.ESCALATION, Escalation.class),
            Map.entry(MessageType.STRATEGY_MEETING_INVITATION, StrategyMeetingInvitation.class),
            Map.entry(MessageType.CONFERENCE_INVITATION, ConferenceInvitation.class),
            Map.entry(MessageType.CONFERENCE_REPORT, ConferenceReport.class),
            Map.entry(MessageType.OUTLINE_PLAN, OutlinePlan.class),
            Map.entry(MessageType.CONFERENCE_MINUTES, ConferenceMinutes.class),
            Map.entry(MessageType.MINUTES_CORRECTION, MinutesCorrection.class),
            Map.entry(MessageType.REGISTER_CHANGE, RegisterChange.class),
            Map.entry(MessageType.PLAN_UPDATE, PlanUpdate.class),
            Map.entry(MessageType.INFORMATION_SHARE, InformationShare.class),
            Map.entry(MessageType.HEALTH_ALERT, HealthAlert.class),
            Map.entry(MessageType.SCHOOL_ALERT, SchoolAlert.class),
            Map.entry(MessageType.SCHOOL_TRANSFER, SchoolTransfer.class),
            Map.entry(MessageType.SECTION_47_DETERMINATION, Section47Determination.class),
            Map.entry(MessageType.CONFERENCE_CANCELLATION, ConferenceCancellation.class),
            Map.entry(MessageType.SAFETY_PLAN, SafetyPlan.class),
            Map.entry(MessageType.HEALTH_ASSESSMENT, HealthAssessmentCompleted.class),
            Map.entry(MessageType.STRATEGY_CONTRIBUTION, StrategyContribution.class),
            Map.entry(MessageType.STRATEGY_CONTRIBUTION_REQUEST, StrategyContributionRequest.class),
            Map.entry(MessageType.PROFESSIONAL_CHALLENGE, ProfessionalChallenge.class),
            Map.entry(MessageType.CHALLENGE_RESPONSE, ChallengeResponse.class),
            Map.entry(MessageType.CASE_TRANSFER, CaseTransfer.class),
            Map.entry(MessageType.BOARD_REPORT_EXPORT, BoardReportExport.class),
            Map.entry(MessageType.STRATEGY_MEETING_RECORD,
                    wales.safeguarding.schemas.childprotection.StrategyMeetingRecord.class));

    private final CanonicalValidator validator = CanonicalValidator.fromClasspath();

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void should_accept_the_valid_example_of_every_message_type(MessageType type) {
        JsonNode example = Examples.valid(type);

        assertThat(example.get("type").asText()).isEqualTo(type.wireName());
        assertThat(validator.validate(example)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void should_read_an_equal_envelope_after_writing_it(MessageType type) throws IOException {
        Envelope read = CanonicalJson.read(Examples.bytes(Examples.validPath(type)));

        Envelope reread = CanonicalJson.read(CanonicalJson.write(read));

        assertThat(reread).isEqualTo(read);
        assertThat(CanonicalJson.mapper().readTree(CanonicalJson.write(read))).isEqualTo(Examples.valid(type));
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void should_bind_every_body_field_to_its_record(MessageType type) throws IOException {
        Envelope envelope = CanonicalJson.read(Examples.bytes(Examples.validPath(type)));

        Object body = CanonicalJson.bodyAs(envelope, BODY_TYPES.get(type));

        // equal trees: the record neither drops nor invents a field, and writes values as it read them
        assertThat(CanonicalJson.mapper().readTree(CanonicalJson.write(body))).isEqualTo(envelope.body());
        assertThat(CanonicalJson.bodyAs(envelope.withBody(CanonicalJson.mapper().valueToTree(body)), BODY_TYPES.get(type)))
                .isEqualTo(body);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void should_write_records_that_still_validate(MessageType type) throws IOException {
        Envelope envelope = CanonicalJson.read(Examples.bytes(Examples.validPath(type)));
        Object body = CanonicalJson.bodyAs(envelope, BODY_TYPES.get(type));
        Envelope rebuilt = envelope.withBody(CanonicalJson.mapper().valueToTree(body));

        JsonNode written = CanonicalJson.mapper().readTree(CanonicalJson.write(rebuilt));

        assertThat(validator.validate(written)).isEmpty();
    }

    /**
     * Every file in examples/valid: {@code <type>.json}, and {@code <type>-<variant>.json} for a
     * second shape of a type (a sibling group, a core group record).
     */
    static Stream<String> everyValidExample() throws IOException, URISyntaxException {
        Path folder = Path.of(ValidExamplesTest.class.getClassLoader().getResource("examples/valid/").toURI());
        try (Stream<Path> listing = Files.list(folder)) {
            List<String> names = listing.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .sorted().toList();
            return names.stream();
        }
    }

    private static MessageType typeOf(String file) {
        return MessageType.fromWireName(Examples.tree("examples/valid/" + file).get("type").asText()).orElseThrow();
    }

    @Test
    void should_name_every_valid_example_after_its_type() throws IOException, URISyntaxException {
        everyValidExample().forEach(file -> {
            String type = typeOf(file).wireName();
            assertThat(file.equals(type + ".json") || file.startsWith(type + "-")).as(file).isTrue();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyValidExample")
    void should_accept_every_valid_example_and_bind_it_to_its_record(String file) throws IOException {
        MessageType type = typeOf(file);
        Envelope envelope = CanonicalJson.read(Examples.bytes("examples/valid/" + file));

        Object body = CanonicalJson.bodyAs(envelope, BODY_TYPES.get(type));

        assertThat(validator.validate(Examples.tree("examples/valid/" + file))).isEmpty();
        assertThat(CanonicalJson.mapper().readTree(CanonicalJson.write(body))).isEqualTo(envelope.body());
        assertThat(validator.validate(CanonicalJson.mapper().readTree(CanonicalJson.write(
                envelope.withBody(CanonicalJson.mapper().valueToTree(body)))))).isEmpty();
    }
}

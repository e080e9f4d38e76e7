package wales.safeguarding.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

    private static final Map<MessageType, Class<?>> BODY_TYPES = Map.of(
            MessageType.DUTY_TO_REPORT, DutyToReport.class,
            MessageType.REPORT_ACKNOWLEDGEMENT, ReportAcknowledgement.class,
            MessageType.REPORT_OUTCOME, ReportOutcome.class,
            MessageType.DELIVERY_RECEIPT, DeliveryReceipt.class,
            MessageType.ESCALATION, Escalation.class);

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
}

package wales.safeguarding.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.dutytoreport.Child;
import wales.safeguarding.schemas.dutytoreport.DutyToReport;

class CanonicalJsonTest {

    private static Envelope dutyToReport() throws IOException {
        return CanonicalJson.read(Examples.bytes(Examples.validPath(MessageType.DUTY_TO_REPORT)));
    }

    @Test
    void should_read_the_envelope_fields_of_a_duty_to_report() throws IOException {
        Envelope envelope = dutyToReport();

        assertThat(envelope.messageId()).isEqualTo(UUID.fromString("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01"));
        assertThat(envelope.type()).isEqualTo(MessageType.DUTY_TO_REPORT);
        assertThat(envelope.schemaVersion()).isEqualTo(Envelope.SCHEMA_VERSION);
        assertThat(envelope.sender()).isEqualTo("dyfed-powys-police");
        assertThat(envelope.recipients()).isEmpty();
        assertThat(envelope.caseReference()).isNull();
        assertThat(envelope.childReference()).isEqualTo("DPP-CHILD-0001");
        assertThat(envelope.language()).isEqualTo(Language.EN);
        assertThat(envelope.securityLabel()).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(envelope.acceptedAt()).isNull();
    }

    @Test
    void should_bind_the_child_of_a_duty_to_report() throws IOException {
        DutyToReport report = CanonicalJson.bodyAs(dutyToReport(), DutyToReport.class);

        Child child = report.children().get(0);
        assertThat(child.localAuthority()).isEqualTo("W06000010");
        assertThat(child.nhsNumber()).isEqualTo("9990000018");
        assertThat(child.school().schoolNumber()).isEqualTo("6699001");
        assertThat(child.gpPractice().odsCode()).isEqualTo("Z99001");
        assertThat(report.categoriesOfConcern()).containsExactly("neglect", "emotional-abuse");
        assertThat(report.immediateRisk()).isFalse();
    }

    @Test
    void should_keep_the_offset_a_timestamp_was_written_with() throws IOException {
        Envelope envelope = dutyToReport();

        assertThat(envelope.createdAt()).isEqualTo(OffsetDateTime.of(2025, 6, 2, 9, 55, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(CanonicalJson.mapper().readTree(CanonicalJson.write(envelope)).get("createdAt").asText())
                .isEqualTo("2025-06-02T09:55:00+01:00");
    }

    @Test
    void should_write_timestamps_as_rfc_3339_with_seconds() {
        OffsetDateTime onTheMinute = OffsetDateTime.of(2025, 6, 12, 7, 0, 0, 0, ZoneOffset.UTC);

        assertThat(new String(CanonicalJson.write(onTheMinute), StandardCharsets.UTF_8))
                .isEqualTo("\"2025-06-12T07:00:00Z\"");
    }

    @Test
    void should_copy_with_accepted_at_and_leave_the_original_unchanged() throws IOException {
        Envelope original = dutyToReport();
        OffsetDateTime accepted = OffsetDateTime.of(2025, 6, 2, 8, 55, 1, 0, ZoneOffset.UTC);

        Envelope stamped = original.withAcceptedAt(accepted);

        assertThat(stamped.acceptedAt()).isEqualTo(accepted);
        assertThat(original.acceptedAt()).isNull();
        assertThat(stamped).usingRecursiveComparison().ignoringFields("acceptedAt").isEqualTo(original);
    }

    @Test
    void should_copy_with_recipients_and_body() throws IOException {
        Envelope original = dutyToReport();
        ObjectNode otherBody = CanonicalJson.mapper().createObjectNode().put("x", 1);

        Envelope routed = original.withRecipients(List.of("carmarthenshire-childrens-services"));
        Envelope rebodied = original.withBody(otherBody);

        assertThat(routed.recipients()).containsExactly("carmarthenshire-childrens-services");
        assertThat(routed).usingRecursiveComparison().ignoringFields("recipients").isEqualTo(original);
        assertThat(rebodied.body()).isSameAs(otherBody);
        assertThat(original.recipients()).isEmpty();
    }

    @Test
    void should_not_let_a_caller_change_recipients_after_construction() throws IOException {
        List<String> recipients = new ArrayList<>(List.of("hub"));
        Envelope envelope = dutyToReport().withRecipients(recipients);

        recipients.add("someone-else");

        assertThat(envelope.recipients()).containsExactly("hub");
        assertThatThrownBy(() -> envelope.recipients().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void should_leave_out_absent_fields_when_writing() throws IOException {
        JsonNode written = CanonicalJson.mapper().readTree(CanonicalJson.write(dutyToReport()));

        assertThat(written.has("caseReference")).isFalse();
        assertThat(written.has("acceptedAt")).isFalse();
        assertThat(written.has("correlationId")).isFalse();
        assertThat(written.get("recipients").isArray()).isTrue();
    }

    @Test
    void should_ignore_body_fields_added_by_a_later_1_x_version() throws IOException {
        Envelope envelope = dutyToReport();
        ((ObjectNode) envelope.body()).put("addedInVersion1_1", "anything");

        DutyToReport report = CanonicalJson.bodyAs(envelope, DutyToReport.class);

        assertThat(report.description()).isNotBlank();
    }

    @Test
    void should_refuse_a_message_with_a_repeated_key() {
        byte[] json = "{\"messageId\":\"3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01\",\"sender\":\"a-b\",\"sender\":\"c-d\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CanonicalJson.read(json)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> CanonicalJson.mapper().readTree(json)).isInstanceOf(IOException.class);
    }

    @Test
    void should_name_where_a_body_does_not_bind_without_quoting_the_value() throws IOException {
        Envelope envelope = dutyToReport();
        ((ObjectNode) envelope.body().get("children").get(0)).put("dateOfBirth", "twelfth of April 2016");

        assertThatThrownBy(() -> CanonicalJson.bodyAs(envelope, DutyToReport.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("/children/0/dateOfBirth")
                .hasMessageNotContaining("twelfth")
                .hasNoSuppressedExceptions()
                .satisfies(e -> assertThat(e.getCause()).hasNoCause().hasMessageNotContaining("twelfth"));
    }

    @Test
    void should_not_quote_the_text_of_a_message_that_does_not_parse() {
        byte[] json = "{\"description\": Alys is often left alone}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CanonicalJson.read(json))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("Alys")
                .hasNoCause();
    }
}

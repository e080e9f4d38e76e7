package wales.safeguarding.hub.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Issue 13: no child data in a span; one trace per message. */
class RedactingSpanProcessorTest {

    @Test
    void a_path_keeps_the_apis_words_and_loses_every_id_and_query() {
        assertThat(RedactingSpanProcessor.template("/api/v1/messages/3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01"))
                .isEqualTo("/api/v1/messages/{id}");
        assertThat(RedactingSpanProcessor.template("/api/v1/cases/CCS-2026-0042/timeline"))
                .isEqualTo("/api/v1/cases/{id}/timeline");
        assertThat(RedactingSpanProcessor.template("/api/v1/console/messages/Alys%20Enghraifft/body?reason=x"))
                .isEqualTo("/api/v1/console/messages/{id}/body");
        assertThat(RedactingSpanProcessor.template("/fhir/$process-message")).isEqualTo("/fhir/$process-message");
        assertThat(RedactingSpanProcessor.template("/")).isEqualTo("/");
        // an id that happens to start with a letter is still an id
        assertThat(RedactingSpanProcessor.template("/api/v1/messages/a1b2c3d4-5b7d-4e8a-9c21-0d6f4b8a1e01"))
                .isEqualTo("/api/v1/messages/{id}");
    }

    @Test
    void the_trace_of_a_message_is_its_id_whichever_instance_asks() {
        UUID id = UUID.fromString("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01");
        var root = MessageTraces.rootOf(id);
        assertThat(root.getTraceId()).isEqualTo("3f1c2a9e5b7d4e8a9c210d6f4b8a1e01");
        assertThat(root.isValid()).isTrue();
        assertThat(MessageTraces.rootOf(id).getSpanId()).isEqualTo(root.getSpanId());
        assertThat(MessageTraces.rootOf(UUID.randomUUID()).getSpanId()).isNotEqualTo(root.getSpanId());
    }
}

package wales.safeguarding.hub.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

/** Issue 13: every log line about a message carries its id; a reused worker thread carries nothing over. */
class MessageLogContextTest {

    @Test
    void a_delivery_puts_the_message_type_and_recipient_and_takes_them_away_when_closed() {
        try (var context = MessageLogContext.delivery("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01", "duty-to-report",
                "cardiff-childrens-services")) {
            assertThat(MDC.get(MessageLogContext.MESSAGE_ID)).isEqualTo("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01");
            assertThat(MDC.get(MessageLogContext.MESSAGE_TYPE)).isEqualTo("duty-to-report");
            assertThat(MDC.get(MessageLogContext.RECIPIENT)).isEqualTo("cardiff-childrens-services");
        }
        assertThat(MDC.get(MessageLogContext.MESSAGE_ID)).isNull();
        assertThat(MDC.get(MessageLogContext.RECIPIENT)).isNull();
    }

    @Test
    void an_intake_is_filled_in_once_the_message_is_read_and_emptied_even_when_it_is_refused() {
        try (var context = MessageLogContext.open()) {
            assertThat(MDC.get(MessageLogContext.MESSAGE_ID)).isNull();
            MessageLogContext.intake("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e02", "conference-invitation", "cardiff");
            assertThat(MDC.get(MessageLogContext.SENDER)).isEqualTo("cardiff");
            throw new IllegalStateException("refused");
        } catch (IllegalStateException refused) {
            assertThat(MDC.get(MessageLogContext.MESSAGE_ID)).isNull();
            assertThat(MDC.get(MessageLogContext.SENDER)).isNull();
        }
    }
}

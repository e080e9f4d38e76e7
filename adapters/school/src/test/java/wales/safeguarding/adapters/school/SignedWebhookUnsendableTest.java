package wales.safeguarding.adapters.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.spi.UnsendableMessageException;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Issue 10 defect 10: what the school adapter would refuse because of the message is what it names at intake, and
 * nothing else: a school receives the canonical copy itself, so only an empty copy cannot be sent.
 */
class SignedWebhookUnsendableTest {

    private final SignedWebhookAdapter adapter = new SignedWebhookAdapter(SignedWebhookAdapterTest.FIXED);

    static Stream<String> examples() {
        return Arrays.stream(MessageType.values()).map(MessageType::wireName)
                .filter(type -> SignedWebhookUnsendableTest.class.getResource("/examples/valid/" + type + ".json") != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @DisplayName("issue 10 defect 10: every valid example is sendable to a school, and is sent")
    void should_name_nothing_in_a_valid_message_and_send_it(String type) throws IOException {
        byte[] message = example(type);

        assertThat(adapter.unsendable(message, SignedWebhookAdapterTest.school(SignedWebhookAdapterTest.SECRET))).isEmpty();
        assertThat(adapter.toAgencyRequest(message, SignedWebhookAdapterTest.school(SignedWebhookAdapterTest.SECRET))
                .body()).isEqualTo(message);
    }

    @Test
    @DisplayName("issue 10 defect 10: an empty copy is named at intake and refused in delivery with the same words")
    void should_name_an_empty_copy_as_delivery_refuses_it() {
        assertThat(adapter.unsendable(new byte[0], SignedWebhookAdapterTest.school(SignedWebhookAdapterTest.SECRET)))
                .containsExactly(new Violation("", "message-body", "no message body to send to school-6699001"));
        assertThatThrownBy(() -> adapter.toAgencyRequest(new byte[0],
                SignedWebhookAdapterTest.school(SignedWebhookAdapterTest.SECRET)))
                .isInstanceOf(UnsendableMessageException.class).hasMessage("no message body to send to school-6699001");
    }

    @Test
    @DisplayName("issue 10 defect 10: a missing webhook secret is not the sender's to mend, so intake does not refuse it")
    void should_not_name_a_missing_secret() throws IOException {
        assertThat(adapter.unsendable(example("plan-update"), SignedWebhookAdapterTest.school(null))).isEmpty();
    }

    private static byte[] example(String type) throws IOException {
        try (InputStream in = SignedWebhookUnsendableTest.class.getResourceAsStream("/examples/valid/" + type + ".json")) {
            return in.readAllBytes();
        }
    }
}

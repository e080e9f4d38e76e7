package wales.safeguarding.adapters.restjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.spi.AgencyEndpoint;

/** Issue 10 defect 10: the REST/JSON adapter sends the canonical copy as it is, so it never refuses a message. */
class RestJsonUnsendableTest {

    private final RestJsonAdapter adapter = new RestJsonAdapter();
    private final AgencyEndpoint council = new AgencyEndpoint("council", "http://127.0.0.1/in", "rest-json");

    static Stream<String> examples() {
        return Arrays.stream(MessageType.values()).map(MessageType::wireName)
                .filter(type -> RestJsonUnsendableTest.class.getResource("/examples/valid/" + type + ".json") != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @DisplayName("issue 10 defect 10: nothing in a valid message is unsendable over REST/JSON, and it is sent")
    void should_name_nothing_and_send_every_valid_example(String type) throws IOException {
        byte[] message;
        try (InputStream in = RestJsonUnsendableTest.class.getResourceAsStream("/examples/valid/" + type + ".json")) {
            message = in.readAllBytes();
        }

        assertThat(adapter.unsendable(message, council)).isEmpty();
        assertThat(adapter.toAgencyRequest(message, council).body()).isEqualTo(message);
    }
}

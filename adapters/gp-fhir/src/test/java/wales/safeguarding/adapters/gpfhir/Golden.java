package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Golden files under {@code src/test/resources/golden/}. A comparison is of JSON trees after normalising what may
 * change between runs (the Bundle's {@code timestamp}; every id is derived from the message, so none is volatile).
 * Run with {@code -Dgolden.update=true} to rewrite them after a deliberate change, then review the diff.
 */
final class Golden {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Golden() {
    }

    static void assertMatches(String name, String actualJson) {
        try {
            JsonNode actual = normalise(JSON.readTree(actualJson));
            String pretty = JSON.writeValueAsString(actual) + "\n";
            if (UPDATE) {
                Path file = Path.of("src/test/resources/golden", name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, pretty);
                return;
            }
            JsonNode expected = JSON.readTree(Examples.text("/golden/" + name));
            if (!expected.equals(actual)) {
                // a textual comparison, so the failure shows the difference
                assertThat(pretty).as("golden file " + name).isEqualTo(JSON.writeValueAsString(expected) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode normalise(JsonNode tree) {
        if (tree instanceof ObjectNode object && object.has("timestamp")) {
            object.put("timestamp", "<assembled-at>");
        }
        return tree;
    }
}

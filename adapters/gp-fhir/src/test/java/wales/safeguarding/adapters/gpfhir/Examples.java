package wales.safeguarding.adapters.gpfhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.spi.AgencyEndpoint;

/** The canonical examples (from the schemas jar) and test fixtures, as bytes or trees. */
final class Examples {

    /** When the tests' Bundles are assembled. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T08:31:00Z"), ZoneOffset.UTC);
    static final AgencyEndpoint GP = new AgencyEndpoint("gp-z99001", "https://gp-z99001.example.invalid/fhir", "fhir-r4");

    private Examples() {
    }

    /** {@code /examples/valid/<type>.json} from the schemas jar. */
    static byte[] valid(String type) {
        return resource("/examples/valid/" + type + ".json");
    }

    static byte[] resource(String path) {
        try (InputStream in = Examples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(resource(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A valid example with its message tree changed by {@code change}. */
    static byte[] changed(String type, Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = (ObjectNode) CanonicalJson.mapper().readTree(valid(type));
            change.accept(tree);
            return CanonicalJson.mapper().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode body(JsonNode message) {
        return (ObjectNode) message.get("body");
    }
}

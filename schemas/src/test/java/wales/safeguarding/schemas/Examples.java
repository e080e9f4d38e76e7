package wales.safeguarding.schemas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.MessageType;

/** Loads the published examples from the classpath, as the hub's own tests do. */
public final class Examples {

    private Examples() {
    }

    public static String validPath(MessageType type) {
        return "examples/valid/" + type.wireName() + ".json";
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("not on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, mutable copy: tests change it to make one mistake at a time. */
    public static ObjectNode tree(String resource) {
        try {
            return (ObjectNode) CanonicalJson.mapper().readTree(bytes(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode valid(MessageType type) {
        return tree(validPath(type));
    }
}

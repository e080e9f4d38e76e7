package wales.safeguarding.hub.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a configured data file: {@code classpath:some/resource} for what ships in the jar, anything else as a path
 * on disk (what an operator replaces without a rebuild).
 */
public final class Locations {

    private static final String CLASSPATH = "classpath:";

    private Locations() {
    }

    public static InputStream open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(location.substring(CLASSPATH.length()));
            if (in == null) {
                throw new IOException("no such resource on the classpath");
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }
}

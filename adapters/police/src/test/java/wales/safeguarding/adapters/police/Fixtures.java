package wales.safeguarding.adapters.police;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import wales.safeguarding.schemas.envelope.DerivedIds;

/** The notices under src/test/resources/ppn/ (valid/, invalid/, security/) and the goldens in expected/. */
final class Fixtures {

    /** The hub's message-id key in these tests (the golden files' ids are derived with it). */
    static final DerivedIds IDS = new DerivedIds("test-only-message-id-key-for-the-police-adapter");

    private Fixtures() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("ppn/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource ppn/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    /** The XML file names in one folder, sorted. */
    static List<String> xmlFiles(String folder) {
        URL url = Fixtures.class.getClassLoader().getResource("ppn/" + folder);
        if (url == null) {
            throw new IllegalArgumentException("no test folder ppn/" + folder);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicProtectionNotice notice(String validFile) {
        PpnParseResult result = PpnParser.fromClasspath().parse(bytes("valid/" + validFile));
        if (result instanceof PpnParseResult.Accepted accepted) {
            return accepted.notice();
        }
        throw new AssertionError(validFile + " was refused: " + ((PpnParseResult.Rejected) result).errors());
    }
}

package wales.safeguarding.hub.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a WireMock server per agency and writes the test directory (the demo directory's agencies, with every
 * endpoint pointing at its stub) for the hub to load.
 */
public class AgencyStubsResource implements QuarkusTestResourceLifecycleManager {

    private final AgencyStubs stubs = new AgencyStubs();

    @Override
    public Map<String, String> start() {
        stubs.startAll();
        try (InputStream in = getClass().getResourceAsStream("/directory/test-directory.json")) {
            String directory = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String agency : AgencyStubs.ALL) {
                directory = directory.replace("${" + agency + "}", stubs.baseUrl(agency, directory));
            }
            Path file = Path.of("target", "test-directory-" + ProcessHandle.current().pid() + ".json").toAbsolutePath();
            Files.writeString(file, directory);
            return Map.of("hub.directory.location", file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the test directory", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stubs, new TestInjector.AnnotatedAndMatchesType(InjectAgencyStubs.class, AgencyStubs.class));
    }

    @Override
    public void stop() {
        stubs.stopAll();
    }
}

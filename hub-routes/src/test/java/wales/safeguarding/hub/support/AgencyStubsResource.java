package wales.safeguarding.hub.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a WireMock server per agency and writes the test directory (the demo directory's agencies, with every
 * endpoint pointing at its stub) for the hub to load, and makes an empty per-agency secrets folder
 * ({@code hub.agencies.secrets-dir}) that a test may write to. Starts the receivers of operational alerts too (SMTP and
 * webhook), so the suite keeps one boot.
 */
public class AgencyStubsResource implements QuarkusTestResourceLifecycleManager {

    private final AgencyStubs stubs = new AgencyStubs();
    private final AlertReceivers alerts = new AlertReceivers();

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
            Map<String, String> config = new HashMap<>(alerts.start());
            config.put("hub.directory.location", file.toString());
            // An empty secrets folder: every agency falls back to its configured secret until a test writes a file.
            Path secrets = Path.of("target", "agency-secrets-" + ProcessHandle.current().pid()).toAbsolutePath();
            Files.createDirectories(secrets);
            config.put("hub.agencies.secrets-dir", secrets.toString());
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the test directory", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stubs, new TestInjector.AnnotatedAndMatchesType(InjectAgencyStubs.class, AgencyStubs.class));
        injector.injectIntoFields(alerts,
                new TestInjector.AnnotatedAndMatchesType(InjectAlertReceivers.class, AlertReceivers.class));
    }

    @Override
    public void stop() {
        stubs.stopAll();
        alerts.stop();
    }
}

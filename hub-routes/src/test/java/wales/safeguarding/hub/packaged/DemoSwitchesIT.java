package wales.safeguarding.hub.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged hub started on the production profile refuses the demo's switches (issue 11 finding 4). */
class DemoSwitchesIT {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("issue 11 finding 4: a production start with hub.demo.tokens=true exits with the refusal, writing no token")
    void should_refuse_demo_tokens_on_the_production_profile() throws Exception {
        Run run = start("-Dquarkus.profile=prod", "-Dhub.demo.tokens=true");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.output).contains("hub.demo.tokens is for the demo and tests only");
        assertThat(dataDir.resolve("demo-tokens")).doesNotExist();
    }

    @Test
    @DisplayName("issue 11 finding 4: a production start with the dev identity provider switched on does not come up")
    void should_refuse_the_dev_identity_provider_on_the_production_profile() throws Exception {
        Run run = start("-Dquarkus.profile=prod", "-Dhub.database.embedded=true",
                "-Dhub.bodies.keys-dir=" + HubProcess.bodyKeys(dataDir),
                "-Dhub.bodies.current-key=it", "-Dhub.broker.embedded.enabled=true", "-Dhub.broker.url=vm://0",
                "-Dhub.directory.location=classpath:directory/demo-directory.json",
                "-Dhub.console.dev-users.enabled=true", "-Dhub.console.dev-users.users=olwen:operator",
                "-Dhub.console.dev-users.password=pw", "-Dquarkus.http.port=0",
                // production requires the message-id key: set, so the refusal under test is the one that stops it
                "-Dhub.message-ids.secret=test-only-message-id-key-never-use-it-in-production",
                "-Dhub.child-keys.current-key=it", "-Dhub.child-keys.key.it=test-only-child-key-never-use-it-in-production");

        assertThat(run.exitCode).isNotZero();
        assertThat(run.output).contains("hub.console.dev-users.enabled is for the demo and tests only");
    }

    @Test
    @DisplayName("issue 11 finding 7: a production start without a body key, or with the demo's fixed key, does not come up")
    void should_refuse_to_start_without_a_body_key_on_the_production_profile() throws Exception {
        Run none = start("-Dquarkus.profile=prod", "-Dhub.database.embedded=true", "-Dhub.broker.embedded.enabled=true",
                "-Dhub.message-ids.secret=test-only-message-id-key-never-use-it-in-production",
                "-Dhub.child-keys.current-key=it", "-Dhub.child-keys.key.it=test-only-child-key-never-use-it-in-production",
                "-Dhub.broker.url=vm://0", "-Dhub.directory.location=classpath:directory/demo-directory.json",
                "-Dquarkus.http.port=0");
        Run fixed = start("-Dquarkus.profile=prod", "-Dhub.database.embedded=true", "-Dhub.broker.embedded.enabled=true",
                "-Dhub.message-ids.secret=test-only-message-id-key-never-use-it-in-production",
                "-Dhub.child-keys.current-key=it", "-Dhub.child-keys.key.it=test-only-child-key-never-use-it-in-production",
                "-Dhub.broker.url=vm://0", "-Dhub.directory.location=classpath:directory/demo-directory.json",
                "-Dhub.bodies.fixed-key=dGVzdC1vbmx5LWJvZHkta2V5LW5ldmVyLWluLXByb2Q=", "-Dquarkus.http.port=0");

        assertThat(none.exitCode).isNotZero();
        assertThat(none.output).contains("no key is configured: set hub.bodies.keys-dir");
        assertThat(fixed.exitCode).isNotZero();
        assertThat(fixed.output).contains("hub.bodies.fixed-key is for the demo and tests only");
    }


    private record Run(int exitCode, String output) {
    }

    private Run start(String... options) throws IOException, InterruptedException {
        String jar = System.getProperty("hub.jar", "target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Dhub.data-dir=" + dataDir));
        command.addAll(List.of(options));
        command.add("-jar");
        command.add(Path.of(jar).toAbsolutePath().toString());
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the hub kept running: " + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }
}

package wales.safeguarding.hub.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged hub does not believe proxy headers from anyone (issue 11 finding 3). */
class ProxyTrustIT {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("issue 11 finding 3: a production start reading proxy headers without trusted proxies does not come up")
    void should_refuse_proxy_forwarding_without_trusted_proxies() throws Exception {
        String jar = System.getProperty("hub.jar", "target/quarkus-app/quarkus-run.jar");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-Dhub.data-dir=" + dataDir, "-Dquarkus.profile=prod", "-Dhub.database.embedded=true",
                "-Dhub.broker.embedded.enabled=true", "-Dhub.broker.url=vm://0", "-Dhub.broker.embedded.tcp-acceptor=",
                "-Dhub.directory.location=classpath:directory/demo-directory.json", "-Dquarkus.http.port=0",
                "-Dquarkus.http.proxy.proxy-address-forwarding=true",
                // every other production setting it needs, so that the refusal is the proxy's
                "-Dhub.message-ids.secret=test-only-message-id-key-never-use-it-in-production",
                "-Dhub.child-keys.current-key=it", "-Dhub.child-keys.key.it=test-only-child-key-never-use-it-in-production",
                "-Dhub.bodies.keys-dir=" + HubProcess.bodyKeys(dataDir), "-Dhub.bodies.current-key=it", "-jar",
                Path.of(jar).toAbsolutePath().toString());
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the hub kept running: " + Files.readString(log));
        }

        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("without quarkus.http.proxy.trusted-proxies (HUB_TRUSTED_PROXIES)");
        // issue 13: production logs are one JSON object a line, for the log collector
        List<String> lines = Files.readAllLines(log).stream().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            var json = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(line);
            assertThat(json.has("level") && json.has("message") && json.has("loggerName")).as(line).isTrue();
        }
    }
}

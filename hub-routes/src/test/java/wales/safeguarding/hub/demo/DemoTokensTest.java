package wales.safeguarding.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTokensTest {

    @TempDir
    Path data;

    @Test
    void should_keep_the_signing_key_in_the_data_folder_and_trust_the_same_key_at_the_next_start() throws Exception {
        String first = DemoTokens.prepare(data).get("quarkus.oidc.public-key");
        String second = DemoTokens.prepare(data).get("quarkus.oidc.public-key");

        assertThat(second).isEqualTo(first);
        Path key = data.resolve("demo-tokens").resolve(DemoTokens.KEY_FILE);
        assertThat(Files.getPosixFilePermissions(key))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(data.resolve("demo-tokens").resolve("dyfed-powys-police.jwt")).isRegularFile();
    }

    @Test
    void should_make_a_new_key_per_data_folder() throws Exception {
        String one = DemoTokens.prepare(data.resolve("one")).get("quarkus.oidc.public-key");
        String other = DemoTokens.prepare(data.resolve("other")).get("quarkus.oidc.public-key");

        assertThat(other).isNotEqualTo(one);
    }

    @Test
    void should_replace_a_key_file_it_cannot_read() throws Exception {
        Path key = data.resolve(DemoTokens.KEY_FILE);
        Files.writeString(key, "not a key");

        KeyPair keys = DemoTokens.keyPair(key);

        assertThat(DemoTokens.keyPair(key).getPublic()).isEqualTo(keys.getPublic());
        assertThat(Files.readAllBytes(key)).isEqualTo(keys.getPrivate().getEncoded());
    }
}

package wales.safeguarding.hub.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftpHostKeysTest {

    @TempDir
    Path folder;

    @Test
    void should_refuse_to_start_on_the_production_profile_without_a_known_hosts_file() {
        assertThatThrownBy(() -> SftpHostKeys.options(Optional.empty(), "", List.of("prod")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without hub.police.sftp.known-hosts-file is for the demo and tests only");
    }

    @Test
    void should_refuse_strict_host_key_checking_off_on_the_production_profile_even_with_known_hosts() throws Exception {
        Path knownHosts = Files.writeString(folder.resolve("known_hosts"), "[sftp.example]:22 ssh-ed25519 AAAA\n");

        assertThatThrownBy(() -> SftpHostKeys.options(Optional.of(knownHosts.toString()), "&StrictHostKeyChecking=no",
                List.of("prod"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("strictHostKeyChecking=no in hub.police.sftp.options");
    }

    @Test
    void should_check_the_host_key_against_the_known_hosts_file() throws Exception {
        Path knownHosts = Files.writeString(folder.resolve("known_hosts"), "[sftp.example]:22 ssh-ed25519 AAAA\n");

        assertThat(SftpHostKeys.options(Optional.of(knownHosts.toString()), "&serverHostKeys=ssh-ed25519",
                List.of("prod"))).isEqualTo("&knownHostsFile=" + knownHosts
                        + "&strictHostKeyChecking=yes&serverHostKeys=ssh-ed25519");
    }

    @Test
    void should_refuse_a_known_hosts_file_that_is_not_there() {
        assertThatThrownBy(() -> SftpHostKeys.options(Optional.of(folder.resolve("absent").toString()), "",
                List.of("prod"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("not a readable file");
    }

    @Test
    void should_keep_the_test_profiles_unchecked_options() {
        String options = "&strictHostKeyChecking=no&useUserKnownHostsFile=false";

        assertThat(SftpHostKeys.options(Optional.empty(), options, List.of("test"))).isEqualTo(options);
    }
}

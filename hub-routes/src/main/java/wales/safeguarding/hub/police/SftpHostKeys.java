package wales.safeguarding.hub.police;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import wales.safeguarding.hub.config.DemoSwitches;

/**
 * The police drop folder's SFTP server is known by its host key: the hub connects only with a known-hosts file and
 * strict host key checking (Camel's own default is not to check). Without a known-hosts file, or with
 * {@code strictHostKeyChecking=no} in {@code hub.police.sftp.options}, the hub refuses to start unless a demo or test
 * profile allows it, as {@link DemoSwitches} does for the demo's tokens.
 */
public final class SftpHostKeys {

    private SftpHostKeys() {
    }

    /**
     * The Camel SFTP options to use: {@code options} with the known-hosts file and strict checking added.
     *
     * @param knownHostsFile the configured known-hosts file (empty when not set)
     * @param options        the extra options, each starting with {@code &}
     * @param profiles       the active profiles
     * @throws IllegalStateException when the host key would not be checked on a profile that does not allow it, or
     *                               the known-hosts file is not a readable file
     */
    public static String options(Optional<String> knownHostsFile, String options, Collection<String> profiles) {
        String extra = options == null ? "" : options.strip();
        String lower = extra.toLowerCase(Locale.ROOT);
        boolean unchecked = lower.contains("stricthostkeychecking=no");
        Optional<String> file = knownHostsFile.map(String::strip).filter(f -> !f.isEmpty());
        if (unchecked || file.isEmpty() && !lower.contains("knownhostsfile=")) {
            String what = unchecked ? "strictHostKeyChecking=no in hub.police.sftp.options"
                    : "an SFTP drop folder without hub.police.sftp.known-hosts-file";
            DemoSwitches.refusal(what, profiles).ifPresent(refusal -> {
                throw new IllegalStateException(refusal + "; the police server must be known by its host key "
                        + "(ssh-keyscan -p <port> <host> > known_hosts, checked against the force's fingerprint)");
            });
            return extra;
        }
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalStateException("hub.police.sftp.known-hosts-file " + path
                        + " is not a readable file");
            }
            String checking = lower.contains("stricthostkeychecking=") ? "" : "&strictHostKeyChecking=yes";
            return "&knownHostsFile=" + path + checking + extra;
        }
        return lower.contains("stricthostkeychecking=") ? extra : "&strictHostKeyChecking=yes" + extra;
    }
}

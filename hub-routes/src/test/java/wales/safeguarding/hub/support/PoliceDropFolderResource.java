package wales.safeguarding.hub.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SFTP server (Apache MINA SSHD) on a loopback port, playing the drop folder police forces put their notices
 * in: one folder per force with {@code inbox/}, {@code done/} and {@code error/}.
 */
public class PoliceDropFolderResource implements QuarkusTestResourceLifecycleManager {

    public static final String PASSWORD = "test-only-sftp-password";

    private SshServer server;

    /** The drop folder's root on disk, for the tests to put and find files in. */
    public static Path root() {
        return Path.of("target", "sftp-drop-" + ProcessHandle.current().pid()).toAbsolutePath();
    }

    @Override
    public Map<String, String> start() {
        try {
            for (String force : List.of(AgencyStubs.DYFED_POWYS_POLICE, AgencyStubs.SOUTH_WALES_POLICE)) {
                for (String folder : List.of("inbox", "done", "error")) {
                    Files.createDirectories(root().resolve(force).resolve(folder));
                }
            }
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root().resolveSibling("sftp-host-key")));
            server.setPasswordAuthenticator((user, password, session) -> "hub".equals(user) && PASSWORD.equals(password));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root()));
            server.start();
            return Map.of(
                    "hub.police.sftp.enabled", "true",
                    "hub.police.sftp.host", "127.0.0.1",
                    "hub.police.sftp.port", Integer.toString(server.getPort()),
                    "hub.police.sftp.username", "hub",
                    "hub.police.sftp.password", PASSWORD,
                    "hub.police.sftp.options", "&strictHostKeyChecking=no&useUserKnownHostsFile=false",
                    "hub.police.sftp.poll-delay-ms", "300");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the SFTP drop folder", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.stop(true);
            }
        } catch (IOException e) {
            // the JVM is ending
        }
    }
}

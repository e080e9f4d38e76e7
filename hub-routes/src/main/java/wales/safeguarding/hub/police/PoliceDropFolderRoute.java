package wales.safeguarding.hub.police;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.configuration.ConfigUtils;

import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;

/**
 * When {@code hub.police.sftp.enabled}: one route per police force, polling {@code <force>/inbox} on the SFTP
 * server ({@code hub.police.sftp.*}); each file goes to {@code <force>/done} or {@code <force>/error} with a receipt
 * beside it. Route ids {@code police-notices-sftp-<force>}.
 */
@ApplicationScoped
public class PoliceDropFolderRoute extends RouteBuilder {

    private final Directory directory;
    private final boolean enabled;
    private final Optional<String> knownHostsFile;
    private final String options;

    public PoliceDropFolderRoute(Directory directory,
            @ConfigProperty(name = "hub.police.sftp.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "hub.police.sftp.known-hosts-file") Optional<String> knownHostsFile,
            @ConfigProperty(name = "hub.police.sftp.options", defaultValue = "") Optional<String> options) {
        this.directory = directory;
        this.enabled = enabled;
        this.knownHostsFile = knownHostsFile;
        this.options = options.orElse("");
    }

    @Override
    public void configure() {
        if (!enabled) {
            return;
        }
        // refuses to start when the server's host key would not be checked (outside demo and test)
        String hostKeys = SftpHostKeys.options(knownHostsFile, options, ConfigUtils.getProfiles());
        String server = "sftp://{{hub.police.sftp.host}}:{{hub.police.sftp.port}}/";
        String login = "username={{hub.police.sftp.username}}&password=RAW({{hub.police.sftp.password}})"
                + "&connectTimeout={{hub.delivery.connect-timeout-ms}}" + hostKeys;
        for (Agency force : directory.all()) {
            if (force.kind() != AgencyKind.POLICE) {
                continue;
            }
            from(server + force.id() + "/inbox?" + login + "&delay={{hub.police.sftp.poll-delay-ms}}"
                    + "&readLock=changed&readLockMinAge=1000&readLockCheckInterval=500"
                    + "&move=../${exchangeProperty." + PoliceDropFolder.OUTCOME + "}/${file:name}")
                    .routeId("police-notices-sftp-" + force.id())
                    .setProperty(PoliceDropFolder.FORCE, constant(force.id()))
                    .bean("policeDropFolder", "receive")
                    .toD(server + force.id() + "/${exchangeProperty." + PoliceDropFolder.OUTCOME + "}?" + login
                            + "&fileName=${file:onlyname}.receipt.json")
                    .id("police-notices-to-receipt-" + force.id());
        }
    }
}

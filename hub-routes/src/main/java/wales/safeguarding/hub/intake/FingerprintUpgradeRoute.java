package wales.safeguarding.hub.intake;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/** Once, soon after the start: key the fingerprints stored as plain hashes ({@link FingerprintUpgrade}). */
@ApplicationScoped
public class FingerprintUpgradeRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:fingerprint-upgrade?repeatCount=1&delay={{hub.fingerprints.upgrade-delay-ms}}")
                .routeId("fingerprint-upgrade")
                .autoStartup("{{hub.fingerprints.upgrade-enabled}}")
                .bean("fingerprintUpgrade", "run");
    }
}

package wales.safeguarding.hub.deploycheck;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProbesTest {

    @Test
    void every_hub_and_broker_container_has_liveness_and_readiness_probes() {
        assertThat(Rules.missingProbes(Manifests.read(Manifests.repository()))).isEmpty();
    }

    @Test
    void a_container_without_a_readiness_probe_is_named() {
        assertThat(Rules.missingProbes(Manifests.read(Manifests.bad("probes"))))
                .containsExactly("deployment.yaml: Deployment safeguarding-hub: container hub has no readinessProbe");
    }
}

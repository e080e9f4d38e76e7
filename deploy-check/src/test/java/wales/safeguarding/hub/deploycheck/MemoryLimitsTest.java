package wales.safeguarding.hub.deploycheck;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryLimitsTest {

    @Test
    void no_memory_limit_is_below_the_measured_rss() {
        assertThat(Rules.memoryBelowMeasured(Manifests.read(Manifests.repository()))).isEmpty();
    }

    @Test
    void a_limit_below_the_measured_rss_or_the_brokers_heap_is_named() {
        assertThat(Rules.memoryBelowMeasured(Manifests.read(Manifests.bad("memory"))))
                .containsExactlyInAnyOrder(
                        "deployment.yaml: Deployment safeguarding-hub: container hub: memory limit 768Mi is below 815Mi, the hub's measured peak RSS (815 MB)",
                        "statefulset.yaml: StatefulSet artemis-primary: container artemis: memory limit 1Gi is below 1583Mi, heap + direct buffers + the measured non-heap (-Xms1g -Xmx1g -XX:MaxDirectMemorySize=256m)");
    }
}

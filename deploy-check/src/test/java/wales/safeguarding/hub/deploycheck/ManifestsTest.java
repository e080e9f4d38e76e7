package wales.safeguarding.hub.deploycheck;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules are not kept by having nothing to look at: the manifests are read, and read as the types they are. */
class ManifestsTest {

    @Test
    void the_base_holds_the_hub_the_broker_pair_and_the_database_as_typed_objects() {
        var manifests = Manifests.read(Manifests.repository());
        assertThat(manifests.documents)
                .filteredOn(d -> !d.patch() && d.file().toString().contains("/base/"))
                .extracting(d -> d.kind() + " " + d.name())
                .contains("Deployment safeguarding-hub", "Service safeguarding-hub", "ConfigMap hub-config",
                        "NetworkPolicy safeguarding-hub", "HorizontalPodAutoscaler safeguarding-hub",
                        "PodDisruptionBudget safeguarding-hub", "ServiceMonitor safeguarding-hub",
                        "Ingress safeguarding-hub", "StatefulSet artemis-primary", "StatefulSet artemis-backup",
                        "Cluster hub-db", "Secret hub-secrets");
        assertThat(manifests.documents).extracting(Manifests.Document::resource)
                .hasAtLeastOneElementOfType(ServiceMonitor.class)
                .filteredOn(GenericKubernetesResource.class::isInstance)
                .extracting(r -> ((HasMetadata) r).getKind())
                .containsOnly("Cluster");
        assertThat(manifests.kustomizations).hasSize(3);
        assertThat(manifests.documents).filteredOn(Manifests.Document::patch).isNotEmpty();
    }

    @Test
    void placeholders_are_told_from_real_values() {
        assertThat(Rules.isPlaceholder("REPLACE-ME")).isTrue();
        assertThat(Rules.isPlaceholder("<the end of the overlap>")).isTrue();
        assertThat(Rules.isPlaceholder("change-me")).isTrue();
        assertThat(Rules.isPlaceholder("tcp://a:61616?trustStorePassword=REPLACE-ME")).isTrue();
        assertThat(Rules.isPlaceholder("tcp://a:61616?trustStorePassword=hunter22&x=REPLACE-ME")).isFalse();
        assertThat(Rules.isPlaceholder("2027-01-31T00:00:00Z")).isFalse();
        assertThat(Rules.isPlaceholder("s3cr3t")).isFalse();
    }
}

package wales.safeguarding.hub.deploycheck;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomResourcesTest {

    @Test
    void custom_resources_have_api_version_kind_name_and_resources() {
        assertThat(Rules.incompleteCustomResources(Manifests.read(Manifests.repository()))).isEmpty();
    }

    @Test
    void a_database_cluster_without_resources_is_named() {
        assertThat(Rules.incompleteCustomResources(Manifests.read(Manifests.bad("custom-resources"))))
                .containsExactly("cluster.yaml: Cluster hub-db: no spec.resources with memory requests and limits");
    }
}

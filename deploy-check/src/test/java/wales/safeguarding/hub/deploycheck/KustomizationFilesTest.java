package wales.safeguarding.hub.deploycheck;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KustomizationFilesTest {

    @Test
    void kustomizations_list_only_files_that_exist() {
        assertThat(Rules.missingKustomizationFiles(Manifests.read(Manifests.repository()))).isEmpty();
    }

    @Test
    void a_kustomization_naming_a_missing_file_is_named() {
        assertThat(Rules.missingKustomizationFiles(Manifests.read(Manifests.bad("kustomization"))))
                .containsExactlyInAnyOrder(
                        "kustomization.yaml lists missing.yaml, which does not exist",
                        "kustomization.yaml lists patches/missing-patch.yaml, which does not exist",
                        "kustomization.yaml lists ../nowhere/broker.xml, which does not exist");
    }
}

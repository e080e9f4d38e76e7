package wales.safeguarding.hub.deploycheck;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownFieldsTest {

    @Test
    void every_manifest_parses_into_the_fabric8_model_without_unknown_fields() {
        assertThat(Rules.unknownFields(Manifests.read(Manifests.repository()))).isEmpty();
    }

    @Test
    void unknown_fields_and_unknown_kinds_are_named_with_file_kind_name_and_path() {
        assertThat(Rules.unknownFields(Manifests.read(Manifests.bad("unknown-fields"))))
                .containsExactlyInAnyOrder(
                        "deployment.yaml: Deployment safeguarding-hub: unknown field spec.template.spec.containers[0].livenessProbes",
                        "deployment.yaml (document 2): Deployement misspelt: no fabric8 model for apps/v1 Deployement (a misspelt apiVersion or kind?)");
    }
}

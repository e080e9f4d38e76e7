package wales.safeguarding.hub.deploycheck;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretPlaceholdersTest {

    @Test
    void example_secrets_hold_placeholders_only() {
        assertThat(Rules.realLookingSecrets(Manifests.read(Manifests.repository()))).isEmpty();
    }

    @Test
    void a_real_looking_secret_value_is_named_by_its_key_only() {
        assertThat(Rules.realLookingSecrets(Manifests.read(Manifests.bad("secrets"))))
                .containsExactlyInAnyOrder(
                        "secret.yaml: Secret hub-secrets: stringData.HUB_BROKER_PASSWORD looks like a real value",
                        "secret.yaml: Secret hub-secrets: stringData.HUB_BROKER_URL looks like a real value",
                        "secret.yaml: Secret hub-secrets: data.HUB_MESSAGE_IDS_SECRET looks like a real value");
    }
}

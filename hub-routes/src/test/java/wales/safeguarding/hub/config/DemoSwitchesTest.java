package wales.safeguarding.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Demo and dev switches are refused in production (issue 11 finding 4), as hub.clock.offset is. */
class DemoSwitchesTest {

    @Test
    @DisplayName("issue 11 finding 4: demo tokens and the dev identity provider are refused on the production profile")
    void should_refuse_a_demo_switch_in_production() {
        assertThat(DemoSwitches.refusal("hub.demo.tokens", List.of("prod")))
                .hasValueSatisfying(why -> assertThat(why).contains("hub.demo.tokens").contains("prod")
                        .contains("demo, dev or test"));
        assertThat(DemoSwitches.refusal("hub.console.dev-users.enabled", List.of("kubernetes", "prod"))).isPresent();
    }

    @Test
    @DisplayName("issue 11 finding 4: the demo run, a developer's run and the tests may use them")
    void should_allow_a_demo_switch_on_demo_dev_and_test() {
        assertThat(DemoSwitches.refusal("hub.demo.tokens", List.of("demo"))).isEmpty();
        assertThat(DemoSwitches.refusal("hub.demo.tokens", List.of("dev"))).isEmpty();
        assertThat(DemoSwitches.refusal("hub.demo.tokens", List.of("test"))).isEmpty();
    }

    @Test
    @DisplayName("issue 11 finding 4: the dev identity provider will not start switched on in production")
    void should_not_start_the_dev_identity_provider_in_production() {
        assertThatThrownBy(() -> new wales.safeguarding.hub.signin.DevIdentityProviderProbe().start(List.of("prod")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hub.console.dev-users.enabled");
    }
}

package wales.safeguarding.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProxyTrustTest {

    @Test
    void should_refuse_to_believe_proxy_headers_from_anyone() {
        assertThat(ProxyTrust.refusal(true, "")).get().asString().contains("HUB_TRUSTED_PROXIES");
        assertThat(ProxyTrust.refusal(true, null)).isPresent();
        assertThat(ProxyTrust.refusal(true, "  ")).isPresent();
    }

    @Test
    void should_accept_forwarding_from_named_proxies_or_no_forwarding() {
        assertThat(ProxyTrust.refusal(true, "10.0.0.0/8")).isEmpty();
        assertThat(ProxyTrust.refusal(false, "")).isEmpty();
    }
}

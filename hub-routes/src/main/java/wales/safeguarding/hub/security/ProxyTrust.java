package wales.safeguarding.hub.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Proxy headers are believed only from the ingress (issue 11 finding 3). Quarkus, told to read {@code Forwarded} and
 * {@code X-Forwarded-*} without a list of trusted proxies, believes them from any caller: anyone could then claim to
 * have come over https or from another address. The hub refuses to start that way.
 */
@ApplicationScoped
public class ProxyTrust {

    private static final Logger LOG = Logger.getLogger(ProxyTrust.class);

    /** Why the settings are refused, or empty when they are safe. */
    public static Optional<String> refusal(boolean forwarding, String trustedProxies) {
        if (forwarding && (trustedProxies == null || trustedProxies.isBlank())) {
            return Optional.of("quarkus.http.proxy.proxy-address-forwarding (HUB_PROXY_ADDRESS_FORWARDING) is on without "
                    + "quarkus.http.proxy.trusted-proxies (HUB_TRUSTED_PROXIES): set the ingress's addresses, or any "
                    + "caller could forge Forwarded / X-Forwarded-* headers");
        }
        return Optional.empty();
    }

    void check(@Observes StartupEvent started) {
        var config = ConfigProvider.getConfig();
        boolean forwarding = config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class)
                .orElse(false);
        String trusted = config.getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class).orElse("");
        refusal(forwarding, trusted).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        if (forwarding) {
            LOG.infof("proxy headers believed only from %s", trusted);
        }
    }
}

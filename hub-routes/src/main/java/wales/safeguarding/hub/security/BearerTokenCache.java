package wales.safeguarding.hub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifies an agency system's bearer token once, not on every request (see {@link VerifiedTokens} for why that is
 * safe). Both ends of quarkus-oidc's verification: as an identity provider tried before quarkus-oidc's own, it answers
 * a bearer-token request from the cache, or passes it on (a null identity) to be verified in full; as an augmentor,
 * it keeps what full verification accepted. Only plain bearer access tokens are kept: the console's sign-in sessions
 * (ID tokens of the code flow) are always verified by quarkus-oidc.
 */
@ApplicationScoped
public class BearerTokenCache implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    /** Marks an identity answered from the cache (so it is not kept again). */
    static final String FROM_CACHE = "wales.safeguarding.hub.verified-token";
    /** quarkus-oidc's routing-context key naming the tenant that verifies a request (OidcUtils.TENANT_ID_ATTRIBUTE). */
    private static final String TENANT_ATTRIBUTE = "tenant-id";

    private final boolean enabled;
    private final VerifiedTokens<SecurityIdentity> tokens;
    private final Clock clock;

    @Inject
    public BearerTokenCache(@ConfigProperty(name = "hub.security.verified-tokens.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "hub.security.verified-tokens.max-age", defaultValue = "PT5M") Duration maxAge,
            @ConfigProperty(name = "hub.security.verified-tokens.max-entries", defaultValue = "10000") long maxEntries) {
        this(enabled, new VerifiedTokens<>(maxAge, maxEntries), Clock.systemUTC());
    }

    BearerTokenCache(boolean enabled, VerifiedTokens<SecurityIdentity> tokens, Clock clock) {
        this.enabled = enabled;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Providers are tried from the highest priority down, and quarkus-oidc's has the default (1001): this one goes
     * first. As an augmentor it also runs first, so it keeps the identity as quarkus-oidc made it, and any other
     * augmentor runs again on an identity answered from the cache.
     */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!enabled || routing == null || request.getToken().getClass() != AccessTokenCredential.class) {
            return Uni.createFrom().nullItem();
        }
        return tokens.find(tenant(routing), request.getToken().getToken(), clock.instant())
                .map(verified -> Uni.createFrom().item((SecurityIdentity) QuarkusSecurityIdentity.builder(verified)
                        // this request's routing context, not the one of the request that verified the token
                        .addAttribute(RoutingContext.class.getName(), routing)
                        .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routing)
                        .addAttribute(FROM_CACHE, Boolean.TRUE)
                        .build()))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        if (enabled && identity.getAttribute(FROM_CACHE) == null && identity.getPrincipal() instanceof JsonWebToken jwt
                && identity.getCredential(IdTokenCredential.class) == null) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(attributes);
            if (credential != null && routing != null && jwt.getExpirationTime() > 0) {
                tokens.keep(tenant(routing), credential.getToken(), identity,
                        Instant.ofEpochSecond(jwt.getExpirationTime()), clock.instant());
            }
        }
        return Uni.createFrom().item(identity);
    }

    VerifiedTokens<SecurityIdentity> tokens() {
        return tokens;
    }

    private static String tenant(RoutingContext routing) {
        Object tenant = routing.get(TENANT_ATTRIBUTE);
        return tenant == null ? "" : tenant.toString();
    }
}

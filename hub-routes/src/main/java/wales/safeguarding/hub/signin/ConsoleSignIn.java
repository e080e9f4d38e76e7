package wales.safeguarding.hub.signin;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcTenantConfig.Authentication.CookieSameSite;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Chooses how a request to the console is authenticated. People sign in to the console pages with the OpenID Connect
 * authorization-code flow (tenant {@code console}: Keycloak in production, the dev identity provider in the demo and
 * the tests); the browser then calls the console's JSON API with the session cookie. A script or test calling the
 * console API with a bearer token, or with no session at all, goes to the hub's default bearer-token tenant, so a
 * missing or bad token is a plain 401 and a missing role a 403.
 */
@ApplicationScoped
public class ConsoleSignIn implements TenantConfigResolver {

    public static final String TENANT = "console";
    static final String SESSION_COOKIE = "q_session_" + TENANT;
    /** quarkus-oidc's routing-context keys for a tenant named by a cookie (OidcUtils.TENANT_ID_ATTRIBUTE and the next). */
    private static final String COOKIE_TENANT_ATTRIBUTE = "tenant-id";
    private static final String COOKIE_TENANT_SET_ATTRIBUTE = "tenant-id-set-by-session-cookie";

    private final DevIdentityProvider devProvider;
    private final Optional<String> authServerUrl;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final Optional<String> sessionSecret;
    private final boolean forceHttps;
    private final CookieSameSite sameSite;
    private volatile OidcTenantConfig tenant;
    /**
     * The dev provider's own pages take no sign-in. Without saying so, quarkus-oidc would pick the console tenant from
     * the sign-in's state cookie (sent to every path) and refuse the sign-in form as a broken code-flow callback.
     */
    private static final OidcTenantConfig NO_SIGN_IN = OidcTenantConfig.builder().tenantId("dev-idp").tenantEnabled(false)
            .build();

    public ConsoleSignIn(DevIdentityProvider devProvider,
            @ConfigProperty(name = "hub.console.oidc.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "hub.console.oidc.client-id", defaultValue = DevIdentityProvider.CLIENT_ID) String clientId,
            @ConfigProperty(name = "hub.console.oidc.client-secret") Optional<String> clientSecret,
            @ConfigProperty(name = "hub.console.oidc.session-secret") Optional<String> sessionSecret,
            @ConfigProperty(name = "hub.console.force-https", defaultValue = "true") boolean forceHttps,
            @ConfigProperty(name = "hub.console.cookie-same-site", defaultValue = "strict") String sameSite) {
        this.devProvider = devProvider;
        this.forceHttps = forceHttps;
        this.sameSite = CookieSameSite.valueOf(sameSite.trim().toUpperCase(java.util.Locale.ROOT));
        this.authServerUrl = authServerUrl.filter(s -> !s.isBlank());
        this.clientId = clientId;
        this.clientSecret = clientSecret.filter(s -> !s.isBlank());
        this.sessionSecret = sessionSecret.filter(s -> !s.isBlank());
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        if (context.request().path().startsWith("/dev-idp/")) {
            return Uni.createFrom().item(NO_SIGN_IN);
        }
        String path = context.request().path();
        // the cookies are read only for the console API, not on every request the hub serves
        boolean sessionCookie = path.startsWith("/api/v1/console/") && hasSessionCookie(context);
        if (!usesConsoleSession(path, context.request().getHeader("Authorization") != null, sessionCookie)) {
            // quarkus-oidc has already read the tenant from the session cookie's name (q_session_console) and, given
            // no tenant here, would take the console's cached one from that: the cookie alone then opened every API
            // (issue 11 finding 2). Forgetting it leaves the default bearer-token tenant.
            context.remove(COOKIE_TENANT_ATTRIBUTE);
            context.remove(COOKIE_TENANT_SET_ATTRIBUTE);
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(() -> tenant(context));
    }

    /**
     * Pages always sign in with the code flow; the console API uses the session only when the browser has one and
     * sends no bearer token.
     */
    static boolean usesConsoleSession(String path, boolean bearer, boolean sessionCookie) {
        if (path.equals("/console") || path.startsWith("/console/")) {
            return true;
        }
        return path.startsWith("/api/v1/console/") && !bearer && sessionCookie;
    }

    private static boolean hasSessionCookie(RoutingContext context) {
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith(SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }

    private OidcTenantConfig tenant(RoutingContext context) {
        OidcTenantConfig built = tenant;
        if (built == null) {
            built = authServerUrl.isPresent() ? provider() : devProvider(context.request().localAddress().port());
            tenant = built;
        }
        return built;
    }

    /**
     * The key the console's CSRF tokens are signed with: the session secret, else the client secret (both the same on
     * every instance in production), else the dev provider's (the demo and the tests).
     */
    public byte[] tokenSigningKey() {
        String key = sessionSecret.or(() -> clientSecret).orElseGet(devProvider::clientSecret);
        return ("console-csrf:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Production: the organisation's Keycloak realm (discovery), client {@code hub.console.oidc.client-id}. */
    private OidcTenantConfig provider() {
        String secret = clientSecret.orElseThrow(() -> new IllegalStateException(
                "hub.console.oidc.client-secret (HUB_CONSOLE_OIDC_CLIENT_SECRET) is required with hub.console.oidc.auth-server-url"));
        return common(OidcTenantConfig.authServerUrl(authServerUrl.get()).tenantId(TENANT).clientId(clientId)
                .credentials(secret)).authentication().pkceRequired(true).end().build();
    }

    /** Demo and tests: the hub's own dev identity provider, reached on the port this request came in on. */
    private OidcTenantConfig devProvider(int port) {
        if (!devProvider.enabled()) {
            throw new IllegalStateException("The console needs a sign-in provider: set hub.console.oidc.auth-server-url "
                    + "(Keycloak) or, for the demo only, hub.console.dev-users.enabled=true");
        }
        String base = "http://127.0.0.1:" + port + "/dev-idp";
        return common(OidcTenantConfig.authServerUrl(base).tenantId(TENANT).discoveryEnabled(false)
                .authorizationPath("auth").tokenPath("token").jwksPath("jwks").clientId(DevIdentityProvider.CLIENT_ID)
                .credentials(devProvider.clientSecret()).token().issuer(base).end()).build();
    }

    private io.quarkus.oidc.OidcTenantConfigBuilder common(io.quarkus.oidc.OidcTenantConfigBuilder builder) {
        builder.applicationType(ApplicationType.WEB_APP).roles().roleClaimPath("groups").end()
                .authentication().javaScriptAutoRedirect(false).restorePathAfterRedirect(true)
                .removeRedirectParameters(true).cookiePath("/").sessionAgeExtension(Duration.ofMinutes(30))
                // issue 11 finding 3: HttpOnly always (quarkus-oidc); SameSite=Strict on the session cookie; Secure
                // and https redirect URIs forced in production, and behind a trusted proxy that forwards https
                .cookieSameSite(sameSite).cookieForceSecure(forceHttps).forceRedirectHttpsScheme(forceHttps).end();
        sessionSecret.ifPresent(s -> builder.tokenStateManager().encryptionSecret(s).end());
        return builder;
    }
}

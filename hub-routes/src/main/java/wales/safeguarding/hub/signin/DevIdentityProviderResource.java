package wales.safeguarding.hub.signin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dev identity provider's OpenID Connect endpoints (authorization with a sign-in page, token, keys). They answer
 * 404 unless the dev users are switched on (the %demo and %test profiles).
 */
@Path("/dev-idp")
@PermitAll
public class DevIdentityProviderResource {

    private final DevIdentityProvider provider;
    public DevIdentityProviderResource(DevIdentityProvider provider) {
        this.provider = provider;
    }

    @GET
    @Path("/auth")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String signInPage(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("state") String state, @QueryParam("nonce") String nonce) {
        requireEnabled();
        return SignInPage.render(provider.users(), clientId, redirectUri, state, nonce, false);
    }

    @POST
    @Path("/auth")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("client_id") String clientId, @FormParam("redirect_uri") String redirectUri,
            @FormParam("state") String state, @FormParam("nonce") String nonce) {
        requireEnabled();
        if (redirectUri == null || !isLocalHttp(redirectUri)) {
            return Response.status(400).entity("redirect_uri must be an http(s) address of this hub").build();
        }
        Optional<String> code = provider.signIn(username, password, clientId, redirectUri, nonce, Instant.now());
        if (code.isEmpty()) {
            return Response.status(401)
                    .entity(SignInPage.render(provider.users(), clientId, redirectUri, state, nonce, true)).build();
        }
        URI back = UriBuilder.fromUri(redirectUri).queryParam("code", code.get())
                .queryParam("state", state == null ? "" : state).build();
        return Response.seeOther(back).build();
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("client_id") String formClientId,
            @FormParam("client_secret") String formSecret, @HeaderParam("Authorization") String authorization,
            @Context UriInfo uri) {
        requireEnabled();
        if (!"authorization_code".equals(grantType)) {
            return Response.status(400).entity(Map.of("error", "unsupported_grant_type")).build();
        }
        String[] basic = basicCredentials(authorization);
        String clientId = basic != null ? basic[0] : formClientId;
        String secret = basic != null ? basic[1] : formSecret;
        Instant now = Instant.now();
        return provider.redeem(code, clientId, secret, redirectUri, now)
                .map(grant -> Response.ok(provider.tokens(grant, issuer(uri), now)).header("Cache-Control", "no-store")
                        .build())
                .orElseGet(() -> Response.status(400).entity(Map.of("error", "invalid_grant")).build());
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> jwks() {
        requireEnabled();
        return provider.jwks();
    }

    /** The issuer the tokens carry: this provider's base address as the caller reached it. */
    static String issuer(UriInfo uri) {
        return uri.getBaseUriBuilder().path("dev-idp").build().toString();
    }

    private void requireEnabled() {
        if (!provider.enabled()) {
            throw new NotFoundException();
        }
    }

    private static boolean isLocalHttp(String redirectUri) {
        try {
            URI uri = URI.create(redirectUri);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }
}

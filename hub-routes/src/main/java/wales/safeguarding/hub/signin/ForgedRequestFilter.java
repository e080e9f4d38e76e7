package wales.safeguarding.hub.signin;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Applies {@link ForgedRequests} to the console API. The response to every console API call made with the session
 * cookie carries the person's CSRF token in {@code X-CSRF-Token} and, when the browser lacks it, sets it as the
 * {@code hub_csrf} cookie (HttpOnly, SameSite=Strict, only sent to the console API); the console's script sends the
 * header back on each change. A JAX-RS filter rather than quarkus-rest-csrf: that extension protects HTML forms (a
 * form field or a header on form posts, for every endpoint), checks no Origin and cannot tell a bearer-token script,
 * which must not need a token, from a browser with a session (hub-routes README, "Console security").
 */
@ApplicationScoped
public class ForgedRequestFilter {

    private static final Logger LOG = Logger.getLogger(ForgedRequestFilter.class);

    private final CsrfTokens tokens;
    private final Optional<String> publicOrigin;
    private final boolean forceHttps;

    public ForgedRequestFilter(ConsoleSignIn signIn,
            @ConfigProperty(name = "hub.console.public-origin") Optional<String> publicOrigin,
            @ConfigProperty(name = "hub.console.force-https", defaultValue = "true") boolean forceHttps,
            @ConfigProperty(name = "hub.console.csrf-token-max-age") Duration csrfTokenMaxAge) {
        // real time, not the hub's clock (which a rehearsal or a test may move): a token's life is about leaks
        this.tokens = new CsrfTokens(signIn.tokenSigningKey(), Clock.systemUTC(), csrfTokenMaxAge);
        this.publicOrigin = publicOrigin.filter(s -> !s.isBlank());
        this.forceHttps = forceHttps;
    }

    @ServerRequestFilter
    public Optional<Response> refuseForged(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        boolean authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        String user = user(request);
        if (user == null || !ForgedRequests.checked(request.getMethod(), path, authorization)) {
            // not signed in: the authentication layer answers 401 on its own
            return Optional.empty();
        }
        String headerToken = request.getHeaderString(ForgedRequests.TOKEN_HEADER);
        ForgedRequests.Request seen = new ForgedRequests.Request(request.getMethod(), path, false,
                request.getHeaderString("Origin"), request.getHeaderString("Referer"), headerToken,
                cookie(request, ForgedRequests.TOKEN_COOKIE));
        return ForgedRequests.judge(seen, expectedOrigin(request), tokens.verifies(headerToken, user)).map(refusal -> {
            LOG.warnf("refused a console %s %s: rule %s (%s)", request.getMethod(), path, refusal.rule(), refusal.header());
            return Response.status(403).type(ProblemExceptionMapper.PROBLEM_JSON)
                    .entity(Problem.of("forged-request", "The console change may be forged", 403, refusal.detail(),
                            List.of(new Violation(refusal.header(), refusal.rule(), refusal.detail()))))
                    .build();
        });
    }

    @ServerResponseFilter
    public void giveToken(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String user = user(request);
        if (user == null || !path.startsWith(ForgedRequests.API_PREFIX)
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return;
        }
        String token = cookie(request, ForgedRequests.TOKEN_COOKIE);
        if (!tokens.fresh(token, user)) {
            token = tokens.mint(user);
            boolean secure = forceHttps || "https".equalsIgnoreCase(request.getUriInfo().getBaseUri().getScheme());
            response.getHeaders().add(HttpHeaders.SET_COOKIE, ForgedRequests.TOKEN_COOKIE + "=" + token
                    + "; Path=/api/v1/console; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
        }
        response.getHeaders().putSingle(ForgedRequests.TOKEN_HEADER, token);
    }

    private String expectedOrigin(ContainerRequestContext request) {
        // the request's own origin as the hub sees it: behind the ingress, from the forwarded headers of a trusted proxy
        URI base = request.getUriInfo().getBaseUri();
        return publicOrigin.orElseGet(() -> base.getScheme() + "://" + base.getRawAuthority());
    }

    private static String user(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        return principal == null || principal.getName() == null || principal.getName().isEmpty() ? null : principal.getName();
    }

    private static String cookie(ContainerRequestContext request, String name) {
        Cookie cookie = request.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }
}

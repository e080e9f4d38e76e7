package wales.safeguarding.hub.signin;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which console requests a browser may have been tricked into sending (issue 11 finding 2). A request that changes
 * something (POST, PUT, PATCH, DELETE) under the console API and is authenticated by the session cookie, not by a
 * bearer token, must come from a page of the hub itself: its {@code Origin} (or, when a browser sends none, its
 * {@code Referer}) is the hub's public origin, and it carries the CSRF token in {@code X-CSRF-Token}, equal to the
 * token cookie and signed for the person signed in. A bearer-token call (a script) is not a browser's and is not
 * checked: a page on another site cannot set an {@code Authorization} header without the hub's CORS consent, which
 * the hub never gives.
 */
public final class ForgedRequests {

    public static final String API_PREFIX = "/api/v1/console/";
    public static final String TOKEN_HEADER = "X-CSRF-Token";
    public static final String TOKEN_COOKIE = "hub_csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private ForgedRequests() {
    }

    /** Why a request was refused: the rule it broke (named in the 403 problem), the header and a sentence. */
    public record Refusal(String rule, String header, String detail) {
    }

    /** What the filter knows about one request. */
    public record Request(String method, String path, boolean authorization, String origin, String referer,
            String headerToken, String cookieToken) {
    }

    /** True when the request must pass the checks: a state-changing console API call without a bearer token. */
    public static boolean checked(String method, String path, boolean authorization) {
        return path.startsWith(API_PREFIX) && !authorization && !SAFE.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * @param expectedOrigin the hub's public origin ({@code hub.console.public-origin}, else the origin the request
     *                       was addressed to)
     * @param tokenSigned    whether the header token is signed for the person signed in ({@link CsrfTokens})
     */
    public static Optional<Refusal> judge(Request request, String expectedOrigin, boolean tokenSigned) {
        if (!checked(request.method(), request.path(), request.authorization())) {
            return Optional.empty();
        }
        String expected = origin(expectedOrigin);
        if (present(request.origin())) {
            if (expected == null || !expected.equals(origin(request.origin()))) {
                return Optional.of(new Refusal("same-origin", "Origin",
                        "a console change must come from the hub's own pages (" + expected + "), not from "
                                + request.origin().trim()));
            }
        } else if (present(request.referer())) {
            if (expected == null || !expected.equals(origin(request.referer()))) {
                return Optional.of(new Refusal("same-origin", "Referer",
                        "a console change must come from the hub's own pages (" + expected + ")"));
            }
        } else {
            return Optional.of(new Refusal("origin-required", "Origin",
                    "a console change signed in by the session cookie must say where it comes from (Origin or Referer)"));
        }
        if (!present(request.headerToken())) {
            return Optional.of(new Refusal("csrf-token", TOKEN_HEADER,
                    "a console change must carry the CSRF token the console API gave, in the " + TOKEN_HEADER + " header"));
        }
        if (!present(request.cookieToken()) || !MessageDigest.isEqual(request.headerToken().getBytes(StandardCharsets.UTF_8),
                request.cookieToken().getBytes(StandardCharsets.UTF_8)) || !tokenSigned) {
            return Optional.of(new Refusal("csrf-token", TOKEN_HEADER,
                    "the " + TOKEN_HEADER + " header must equal the " + TOKEN_COOKIE
                            + " cookie and be the token given to the person signed in"));
        }
        return Optional.empty();
    }

    /**
     * The origin ({@code scheme://host[:port]}, lower case, default port left out) of an origin or URL, or null when
     * it has none ({@code Origin: null}, a relative or broken URL).
     */
    public static String origin(String url) {
        if (!present(url) || url.trim().equals("null")) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

package wales.safeguarding.hub.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person signing in to the console the way a browser does: the code flow through the dev identity provider's
 * sign-in page, then requests with the session cookie. For API-level tests; the browser test drives Chromium.
 */
public final class ConsoleSession {

    public static final String TEST_PASSWORD = "test-only-password";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final HttpClient http;
    private final URI base;
    private final CookieManager cookies;
    private final List<String> signInCookies;

    private ConsoleSession(HttpClient http, URI base, CookieManager cookies, List<String> signInCookies) {
        this.http = http;
        this.base = base;
        this.cookies = cookies;
        this.signInCookies = signInCookies;
    }

    /** Opens the console, signs in on the provider's page and follows the redirects back; the result has a session. */
    public static ConsoleSession signIn(URI base, String user, String password) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/console/")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (!page.uri().getPath().equals("/dev-idp/auth")) {
            throw new IllegalStateException("expected the sign-in page, got " + page.statusCode() + " " + page.uri());
        }
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            form.put(hidden.group(1), unescape(hidden.group(2)));
        }
        form.put("username", user);
        form.put("password", password);
        HttpResponse<String> landed = http.send(HttpRequest.newBuilder(page.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (landed.statusCode() != 200 || !landed.uri().getPath().startsWith("/console")) {
            throw new SignInRefused(landed.statusCode(), landed.uri());
        }
        List<String> setCookies = new ArrayList<>();
        for (Optional<HttpResponse<String>> r = Optional.of(landed); r.isPresent(); r = r.get().previousResponse()) {
            setCookies.addAll(r.get().headers().allValues("Set-Cookie"));
        }
        return new ConsoleSession(http, base, cookies, List.copyOf(setCookies));
    }

    /** A GET with the session cookie, as the console's own script sends it. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("X-Requested-With", "JavaScript").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request as the caller builds it (method, headers, body), sent with the session's cookies. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    /** The value of one of the session's cookies, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The Set-Cookie headers of the sign-in's answers (the redirects back to the console included), as sent. */
    public List<String> signInSetCookies() {
        return signInCookies;
    }

    /** The sign-in page answered instead of sending the person back to the console. */
    public static final class SignInRefused extends IllegalStateException {
        public final int status;

        SignInRefused(int status, URI at) {
            super("sign-in refused: " + status + " at " + at);
            this.status = status;
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}

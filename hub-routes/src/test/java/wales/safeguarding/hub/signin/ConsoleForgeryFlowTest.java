package wales.safeguarding.hub.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.ConsoleSession;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 11 findings 2 and 3: the console's session cookie opens the console and nothing else, and a console change
 * with the session is taken only from the hub's own page (its Origin, and the CSRF token the console API gave).
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleForgeryFlowTest {

    private static final String LANGUAGE = "/api/v1/console/me/language";

    @TestHTTPResource("/")
    URI hub;

    ConsoleSession olwen;
    String ownOrigin;

    @BeforeEach
    void signIn() throws Exception {
        olwen = ConsoleSession.signIn(hub, "olwen", ConsoleSession.TEST_PASSWORD);
        ownOrigin = "http://" + hub.getRawAuthority();
    }

    @Test
    void the_session_cookie_alone_opens_the_console_api_and_no_other_api() throws Exception {
        assertThat(olwen.get("/api/v1/console/me").statusCode()).isEqualTo(200);
        assertThat(olwen.get("/api/v1/console/dead-letters").statusCode()).isEqualTo(200);

        for (String other : new String[] {"/api/v1/operations/dead-letters", "/api/v1/messages/" + UUID.randomUUID(),
                "/api/v1/inbox", "/api/v1/cases/C-1/timeline"}) {
            assertThat(olwen.get(other).statusCode()).as(other).isEqualTo(401);
        }
        HttpResponse<String> replay = olwen.send(HttpRequest.newBuilder(olwen.uri("/api/v1/operations/dead-letters/"
                + UUID.randomUUID() + "/council-cardiff/replay")).header("Origin", ownOrigin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}")));
        assertThat(replay.statusCode()).isEqualTo(401);
    }

    @Test
    void a_console_change_from_another_origin_is_refused_with_the_rule_named() throws Exception {
        String token = tokenFromTheConsoleApi();

        HttpResponse<String> foreign = putLanguage("cy", "https://evil.example", token);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(foreign.body()).contains("forged-request").contains("\"rule\":\"same-origin\"").contains("Origin");

        HttpResponse<String> noOrigin = olwen.send(language("cy").header(ForgedRequests.TOKEN_HEADER, token));
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(noOrigin.body()).contains("\"rule\":\"origin-required\"");

        HttpResponse<String> foreignReferer = olwen.send(language("cy").header(ForgedRequests.TOKEN_HEADER, token)
                .header("Referer", "https://evil.example/console/"));
        assertThat(foreignReferer.statusCode()).isEqualTo(403);
        assertThat(foreignReferer.body()).contains("\"rule\":\"same-origin\"");

        assertThat(olwen.get("/api/v1/console/me").body()).contains("\"language\":\"en\"");
    }

    @Test
    void a_console_change_without_the_csrf_token_is_refused() throws Exception {
        String token = tokenFromTheConsoleApi();

        HttpResponse<String> none = putLanguage("cy", ownOrigin, null);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("\"rule\":\"csrf-token\"").contains(ForgedRequests.TOKEN_HEADER);

        HttpResponse<String> made = putLanguage("cy", ownOrigin, token.substring(0, token.indexOf('.')) + ".forged");
        assertThat(made.statusCode()).isEqualTo(403);
        assertThat(made.body()).contains("\"rule\":\"csrf-token\"");

        // another person's token (from their own session) does not verify for olwen
        ConsoleSession rhys = ConsoleSession.signIn(hub, "rhys", ConsoleSession.TEST_PASSWORD);
        String rhysToken = rhys.get("/api/v1/console/me").headers().firstValue(ForgedRequests.TOKEN_HEADER).orElseThrow();
        assertThat(putLanguage("cy", ownOrigin, rhysToken).statusCode()).isEqualTo(403);
    }

    @Test
    void a_console_change_from_the_hubs_own_page_with_its_token_passes() throws Exception {
        String token = tokenFromTheConsoleApi();

        assertThat(putLanguage("cy", ownOrigin, token).statusCode()).isEqualTo(200);
        assertThat(olwen.get("/api/v1/console/me").body()).contains("\"language\":\"cy\"");
        // a browser that sends no Origin but the page's Referer
        HttpResponse<String> referer = olwen.send(language("en").header(ForgedRequests.TOKEN_HEADER, token)
                .header("Referer", ownOrigin + "/console/#now"));
        assertThat(referer.statusCode()).isEqualTo(200);
    }

    @Test
    void a_script_with_a_bearer_token_needs_no_origin_or_csrf_token() throws Exception {
        HttpResponse<String> script = olwen.send(HttpRequest.newBuilder(olwen.uri(LANGUAGE))
                .header("Authorization", Tokens.forRole("script-user", "operator"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"language\":\"cy\"}")));
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue(ForgedRequests.TOKEN_HEADER)).isEmpty();
    }

    @Test
    void the_session_and_token_cookies_are_http_only_and_same_site_strict() throws Exception {
        assertThat(olwen.signInSetCookies()).filteredOn(c -> c.startsWith(ConsoleSignIn.SESSION_COOKIE + "="))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));

        HttpResponse<String> me = olwen.get("/api/v1/console/me");
        assertThat(me.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(ForgedRequests.TOKEN_COOKIE + "="))
                .singleElement().satisfies(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Strict")
                        .contains("Path=/api/v1/console"));
        // the token cookie is set once; later answers repeat the same token in the header
        HttpResponse<String> again = olwen.get("/api/v1/console/now");
        assertThat(again.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(ForgedRequests.TOKEN_COOKIE + "="));
        assertThat(again.headers().firstValue(ForgedRequests.TOKEN_HEADER))
                .contains(olwen.cookie(ForgedRequests.TOKEN_COOKIE));
    }

    private String tokenFromTheConsoleApi() throws Exception {
        HttpResponse<String> me = olwen.get("/api/v1/console/me");
        assertThat(me.statusCode()).isEqualTo(200);
        String token = me.headers().firstValue(ForgedRequests.TOKEN_HEADER).orElseThrow();
        assertThat(olwen.cookie(ForgedRequests.TOKEN_COOKIE)).isEqualTo(token);
        return token;
    }

    private HttpResponse<String> putLanguage(String language, String origin, String token) throws Exception {
        HttpRequest.Builder request = language(language).header("Origin", origin);
        if (token != null) {
            request.header(ForgedRequests.TOKEN_HEADER, token);
        }
        return olwen.send(request);
    }

    private HttpRequest.Builder language(String language) {
        return HttpRequest.newBuilder(olwen.uri(LANGUAGE)).header("Content-Type", "application/json")
                .header("X-Requested-With", "JavaScript")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"language\":\"" + language + "\"}"));
    }
}

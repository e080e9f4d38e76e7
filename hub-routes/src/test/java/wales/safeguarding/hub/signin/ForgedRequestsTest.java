package wales.safeguarding.hub.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.signin.ForgedRequests.Refusal;
import wales.safeguarding.hub.signin.ForgedRequests.Request;

class ForgedRequestsTest {

    private static final String HUB = "https://hub.example.org";
    private static final String PUT_LANGUAGE = "/api/v1/console/me/language";

    private static Optional<Refusal> judge(String method, String path, boolean bearer, String origin, String referer,
            String header, String cookie, boolean signed) {
        return ForgedRequests.judge(new Request(method, path, bearer, origin, referer, header, cookie), HUB, signed);
    }

    private static Optional<Refusal> put(String origin, String referer, String header, String cookie, boolean signed) {
        return judge("PUT", PUT_LANGUAGE, false, origin, referer, header, cookie, signed);
    }

    @Test
    void should_pass_a_change_from_the_hubs_own_origin_with_the_signed_token_in_header_and_cookie() {
        assertThat(put(HUB, null, "t.s", "t.s", true)).isEmpty();
        assertThat(put("HTTPS://Hub.Example.org:443", null, "t.s", "t.s", true)).isEmpty();
    }

    @Test
    void should_refuse_a_change_from_another_origin_naming_the_same_origin_rule() {
        assertThat(put("https://evil.example", null, "t.s", "t.s", true)).get()
                .satisfies(r -> assertThat(r.rule()).isEqualTo("same-origin"))
                .satisfies(r -> assertThat(r.header()).isEqualTo("Origin"));
        assertThat(put("http://hub.example.org", null, "t.s", "t.s", true)).get().extracting(Refusal::rule)
                .isEqualTo("same-origin");
        assertThat(put("https://hub.example.org:8443", null, "t.s", "t.s", true)).isPresent();
        assertThat(put("https://hub.example.org.evil.example", null, "t.s", "t.s", true)).isPresent();
        assertThat(put("null", null, "t.s", "t.s", true)).get().extracting(Refusal::rule).isEqualTo("same-origin");
    }

    @Test
    void should_judge_by_the_referer_when_a_browser_sends_no_origin() {
        assertThat(put(null, HUB + "/console/#now", "t.s", "t.s", true)).isEmpty();
        assertThat(put(null, "https://evil.example/page?x=" + HUB, "t.s", "t.s", true)).get()
                .satisfies(r -> assertThat(r.header()).isEqualTo("Referer"));
    }

    @Test
    void should_refuse_a_change_that_says_neither_origin_nor_referer() {
        assertThat(put(null, null, "t.s", "t.s", true)).get().extracting(Refusal::rule).isEqualTo("origin-required");
        assertThat(put(" ", "", "t.s", "t.s", true)).get().extracting(Refusal::rule).isEqualTo("origin-required");
    }

    @Test
    void should_refuse_a_change_without_the_token_or_with_one_not_matching_the_cookie_or_not_signed() {
        assertThat(put(HUB, null, null, "t.s", true)).get().extracting(Refusal::rule).isEqualTo("csrf-token");
        assertThat(put(HUB, null, "t.s", null, true)).get().extracting(Refusal::rule).isEqualTo("csrf-token");
        assertThat(put(HUB, null, "t.s", "t.other", true)).get().extracting(Refusal::rule).isEqualTo("csrf-token");
        assertThat(put(HUB, null, "t.s", "t.s", false)).get().extracting(Refusal::rule).isEqualTo("csrf-token");
    }

    @Test
    void should_not_check_reads_bearer_token_calls_or_paths_outside_the_console_api() {
        assertThat(judge("GET", "/api/v1/console/me", false, "https://evil.example", null, null, null, false)).isEmpty();
        assertThat(judge("HEAD", "/api/v1/console/me", false, null, null, null, null, false)).isEmpty();
        assertThat(judge("PUT", PUT_LANGUAGE, true, "https://evil.example", null, null, null, false)).isEmpty();
        assertThat(judge("POST", "/api/v1/messages", false, null, null, null, null, false)).isEmpty();
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "post"}) {
            assertThat(ForgedRequests.checked(method, "/api/v1/console/directory/agencies/x", false)).as(method).isTrue();
        }
    }

    @Test
    void should_read_the_origin_of_a_url_without_default_port_path_or_case() {
        assertThat(ForgedRequests.origin("https://Hub.example.org:443/console/?a=b")).isEqualTo("https://hub.example.org");
        assertThat(ForgedRequests.origin("http://127.0.0.1:8480")).isEqualTo("http://127.0.0.1:8480");
        assertThat(ForgedRequests.origin("http://127.0.0.1:80/")).isEqualTo("http://127.0.0.1");
        assertThat(ForgedRequests.origin("null")).isNull();
        assertThat(ForgedRequests.origin("/console/")).isNull();
        assertThat(ForgedRequests.origin("::not a url")).isNull();
    }
}

package wales.safeguarding.adapters.police;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile notices: each must be refused (or, for xsi:schemaLocation, read without following it) quickly, without
 * reading a file, calling a URL or expanding entities. A local HTTP server on a free port stands in for the
 * attacker's: every test checks it was never called. The second group takes the first guard away (DOCTYPEs
 * allowed) and checks that the others hold on their own.
 */
@Timeout(10)
class PpnSecurityTest {

    /** What the attacker's server would have handed over, if asked. */
    private static final String SECRET = "SECRET-FROM-THE-ATTACKERS-SERVER";

    private static HttpServer attacker;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    private final PpnParser parser = PpnParser.fromClasspath();

    @BeforeAll
    static void startAttackersServer() throws IOException {
        attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attacker.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = ("<!ENTITY exfiltrate \"" + SECRET + "\">" + SECRET).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attacker.start();
    }

    @AfterAll
    static void stopAttackersServer() {
        attacker.stop(0);
    }

    @BeforeEach
    void forgetRequests() {
        requests.clear();
    }

    @Test
    void should_refuse_an_external_entity_pointing_at_etc_passwd_without_reading_it() throws IOException {
        PpnParseResult result = parser.parse(hostile("xxe-file.xml"));

        assertThat(result).isInstanceOf(PpnParseResult.Rejected.class);
        assertThat(((PpnParseResult.Rejected) result).errors()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(PpnError.DOCTYPE_NOT_ALLOWED);
            assertThat(e.line()).isEqualTo(3);
        });
        assertNothingLeaked(result);
    }

    @Test
    void should_refuse_an_external_entity_by_url_without_fetching_it() {
        PpnParseResult result = parser.parse(hostile("xxe-url.xml"));

        assertThat(rules(result)).containsExactly(PpnError.DOCTYPE_NOT_ALLOWED);
        assertNothingLeaked(result);
    }

    @Test
    void should_refuse_a_parameter_entity_without_fetching_it() {
        PpnParseResult result = parser.parse(hostile("parameter-entity.xml"));

        assertThat(rules(result)).containsExactly(PpnError.DOCTYPE_NOT_ALLOWED);
        assertNothingLeaked(result);
    }

    @Test
    void should_refuse_an_external_dtd_without_fetching_it() {
        PpnParseResult result = parser.parse(hostile("external-dtd.xml"));

        assertThat(rules(result)).containsExactly(PpnError.DOCTYPE_NOT_ALLOWED);
        assertNothingLeaked(result);
    }

    @Test
    void should_refuse_a_billion_laughs_without_expanding_it() {
        PpnParseResult result = parser.parse(hostile("billion-laughs.xml"));

        assertThat(rules(result)).containsExactly(PpnError.DOCTYPE_NOT_ALLOWED);
        assertNothingLeaked(result);
    }

    @Test
    void should_not_process_an_xinclude_and_refuse_it_as_an_unknown_element() {
        PpnParseResult result = parser.parse(hostile("xinclude.xml"));

        assertThat(((PpnParseResult.Rejected) result).errors()).singleElement().satisfies(e -> {
            assertThat(e.element()).isEqualTo("/notice/narrative");
            assertThat(e.rule()).isEqualTo(PpnError.ELEMENT_NOT_ALLOWED);
        });
        assertNothingLeaked(result);
    }

    @Test
    void should_not_follow_an_xsi_schema_location() {
        PpnParseResult result = parser.parse(hostile("schema-location.xml"));

        // the notice itself is fine; the validator keeps to the hub's own schema
        assertThat(result.accepted()).isTrue();
        assertNothingLeaked(result);
    }

    // ---- the other guards, with the DOCTYPE let through

    @ParameterizedTest
    @ValueSource(strings = {"xxe-file.xml", "xxe-url.xml", "parameter-entity.xml", "external-dtd.xml"})
    void should_load_nothing_external_even_when_a_doctype_gets_through(String file) {
        PpnParseResult result = PpnParser.withDoctypeAllowedForTesting().parse(hostile(file));

        assertNothingLeaked(result);
    }

    @Test
    void should_stop_a_billion_laughs_at_the_entity_expansion_limit_even_when_a_doctype_gets_through() {
        PpnParseResult result = PpnParser.withDoctypeAllowedForTesting().parse(hostile("billion-laughs.xml"));

        assertThat(rules(result)).containsExactly(PpnError.XML_LIMIT);
        assertNothingLeaked(result);
    }

    // ----

    private static byte[] hostile(String file) {
        String url = "http://" + attacker.getAddress().getHostString() + ":" + attacker.getAddress().getPort();
        return Fixtures.text("security/" + file).replace("{{server}}", url).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> rules(PpnParseResult result) {
        assertThat(result).isInstanceOf(PpnParseResult.Rejected.class);
        return ((PpnParseResult.Rejected) result).errors().stream().map(PpnError::rule).toList();
    }

    /** No request reached the attacker, and neither its answer nor the password file is in anything we produced. */
    private static void assertNothingLeaked(PpnParseResult result) {
        assertThat(requests).as("requests to the attacker's server").isEmpty();
        String said = everythingSaid(result);
        assertThat(said).doesNotContain(SECRET, "root:", "lol");
        for (String line : passwdLines()) {
            assertThat(said).doesNotContain(line);
        }
    }

    private static String everythingSaid(PpnParseResult result) {
        if (result instanceof PpnParseResult.Accepted accepted) {
            return accepted.document().getDocumentElement().getTextContent() + new String(
                    new PpnMapper(Fixtures.IDS).toCanonicalJson(accepted.notice()), StandardCharsets.UTF_8);
        }
        return ((PpnParseResult.Rejected) result).errors().toString();
    }

    private static List<String> passwdLines() {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().filter(l -> l.length() > 8).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}

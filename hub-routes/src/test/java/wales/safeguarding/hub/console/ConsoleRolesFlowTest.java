package wales.safeguarding.hub.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/** Every console endpoint: 401 without a token, 403 for a role it is not for, 200 for each role it is for. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleRolesFlowTest {

    private static final Set<String> WATCHERS = Set.of("operator", "auditor");

    @Test
    void should_let_each_role_reach_only_its_own_views() throws Exception {
        ObjectNode report = Messages.dutyToReport();
        report.put("caseReference", "ROLES-" + UUID.randomUUID());
        HubApi.send(wales.safeguarding.hub.support.AgencyStubs.DYFED_POWYS_POLICE, report).statusCode(202);
        String id = Messages.id(report);

        check("GET", "/me", null, Set.of("operator", "auditor", "board-viewer", "national-viewer", "admin", "agency"));
        check("PUT", "/me/language", "{\"language\":\"en\"}", Set.of("operator", "auditor", "board-viewer",
                "national-viewer", "admin", "agency"));
        check("GET", "/now", null, WATCHERS);
        check("GET", "/refusals", null, WATCHERS);
        check("GET", "/messages", null, WATCHERS);
        check("POST", "/messages/" + id + "/lifecycle", "{\"reason\":\"checking the role matrix\"}", WATCHERS);
        check("POST", "/messages/" + id + "/body", "{\"reason\":\"checking the role matrix\"}", WATCHERS);
        check("GET", "/cases/" + report.get("caseReference").asText(), null, WATCHERS);
        check("GET", "/dead-letters", null, Set.of("operator"));
        check("POST", "/dead-letters/replay", "{\"reason\":\"checking the role matrix\",\"items\":[{\"messageId\":\""
                + UUID.randomUUID() + "\",\"recipient\":\"nobody\"}]}", Set.of("operator"));
        check("GET", "/audit", null, Set.of("auditor"));
        check("GET", "/directory", null, Set.of("operator", "admin"));
        check("PUT", "/directory/agencies/no-such-agency", "{\"language\":\"cy\"}", Set.of("admin"), 404);
        check("POST", "/directory/agencies", "{}", Set.of("admin"), 400);
        check("DELETE", "/directory/agencies/no-such-agency", null, Set.of("admin"), 404);
        check("POST", "/directory/import?dry-run=true", "{\"agencies\":[]}", Set.of("admin"));
        check("GET", "/reports", null, Set.of("board-viewer", "national-viewer", "operator", "auditor"));
        checkStream();
    }

    /** The stream never ends: for the roles it is for, only its status and first event are read. */
    private static void checkStream() throws Exception {
        String url = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + Console.API + "/stream";
        assertThat(SseClient.status(url, null)).as("stream without a token").isEqualTo(401);
        for (String role : Console.ROLES) {
            int status = SseClient.status(url, wales.safeguarding.hub.support.Tokens.forRole(role + "-user", role));
            assertThat(status).as("stream as %s", role).isEqualTo(WATCHERS.contains(role) ? 200 : 403);
        }
    }

    private static void check(String method, String path, String body, Set<String> allowed) {
        check(method, path, body, allowed, 200);
    }

    private static void check(String method, String path, String body, Set<String> allowed, int allowedStatus) {
        assertThat(call(given(), method, path, body).statusCode()).as("%s %s without a token", method, path)
                .isEqualTo(401);
        for (String role : Console.ROLES) {
            Response response = call(Console.as(role), method, path, body);
            if (allowed.contains(role)) {
                assertThat(response.statusCode()).as("%s %s as %s", method, path, role).isEqualTo(allowedStatus);
            } else {
                assertThat(response.statusCode()).as("%s %s as %s", method, path, role).isEqualTo(403);
                assertThat(response.contentType()).as("%s %s as %s", method, path, role)
                        .startsWith("application/problem+json");
            }
        }
    }

    private static Response call(io.restassured.specification.RequestSpecification spec, String method, String path,
            String body) {
        if (body != null) {
            spec = spec.contentType("application/json").body(body);
        }
        return spec.request(method, Console.API + path);
    }

}

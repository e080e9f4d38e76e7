package wales.safeguarding.hub.console;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import wales.safeguarding.hub.support.Tokens;

/** The console's API as a signed-in user calls it. */
final class Console {

    static final String API = "/api/v1/console";
    /** Every console role, and an agency system's token that has none of them. */
    static final String[] ROLES = {"operator", "auditor", "board-viewer", "admin", "agency"};

    private Console() {
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.forRole(role + "-user", role));
    }

    static RequestSpecification asUser(String user, String role) {
        return given().header("Authorization", Tokens.forRole(user, role));
    }
}

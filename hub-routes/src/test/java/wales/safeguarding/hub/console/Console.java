package wales.safeguarding.hub.console;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import wales.safeguarding.hub.support.Tokens;

/** The console's API as a signed-in user calls it. */
final class Console {

    static final String API = "/api/v1/console";
    /** Every console role, and an agency system's token that has none of them. */
    static final String[] ROLES = {"operator", "auditor", "board-viewer", "national-viewer", "admin", "agency"};
    /** The region of the tests' board viewer: Carmarthenshire's board. */
    static final String BOARD = wales.safeguarding.hub.support.AgencyStubs.MID_AND_WEST_WALES_BOARD;

    private Console() {
    }

    /** As a user with this role; a board viewer is Mid and West Wales's ({@link #BOARD}). */
    static RequestSpecification as(String role) {
        return given().header("Authorization", role.equals("board-viewer") ? Tokens.forBoardViewer("board-viewer-user", BOARD)
                : Tokens.forRole(role + "-user", role));
    }

    static RequestSpecification asUser(String user, String role) {
        return given().header("Authorization", Tokens.forRole(user, role));
    }
}

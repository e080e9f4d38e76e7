package wales.safeguarding.hub.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.ValidatableResponse;

/** The hub's public API as an agency system calls it. */
public final class HubApi {

    private HubApi() {
    }

    public static ValidatableResponse send(String asClient, ObjectNode message) {
        return send(asClient, message.toString());
    }

    public static ValidatableResponse send(String asClient, String body) {
        return given().header("Authorization", Tokens.bearer(asClient)).contentType("application/json").body(body)
                .when().post("/api/v1/messages").then();
    }

    public static ValidatableResponse track(String asClient, String messageId) {
        return given().header("Authorization", Tokens.bearer(asClient)).when().get("/api/v1/messages/" + messageId).then();
    }

    /**
     * The copies of {@code messageId} in {@code agency}'s pull inbox (its whole inbox read, page after page: earlier
     * tests of the suite leave copies there, more than a page holds).
     */
    public static java.util.List<java.util.Map<String, Object>> inboxCopies(String agency, String messageId) {
        java.util.List<java.util.Map<String, Object>> copies = new java.util.ArrayList<>();
        long cursor = 0;
        while (true) {
            io.restassured.path.json.JsonPath page = given().header("Authorization", Tokens.bearer(agency))
                    .queryParam("after", cursor).queryParam("limit", 500).get("/api/v1/inbox").then().statusCode(200)
                    .extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return copies;
            }
            copies.addAll(page.getList("items.findAll { it.messageId == '" + messageId + "' }"));
            cursor = page.getLong("next");
        }
    }

    /** Whether {@code messageId} is in {@code agency}'s pull inbox. */
    public static boolean inInbox(String agency, String messageId) {
        return !inboxCopies(agency, messageId).isEmpty();
    }

    /** The state of {@code messageId} for {@code recipient}, as the sender sees it. */
    public static String state(String asClient, String messageId, String recipient) {
        return track(asClient, messageId).statusCode(200).extract().jsonPath()
                .getString("recipients.find { it.agencyId == '" + recipient + "' }.state");
    }
}

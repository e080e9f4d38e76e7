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

    /** The state of {@code messageId} for {@code recipient}, as the sender sees it. */
    public static String state(String asClient, String messageId, String recipient) {
        return track(asClient, messageId).statusCode(200).extract().jsonPath()
                .getString("recipients.find { it.agencyId == '" + recipient + "' }.state");
    }
}

package wales.safeguarding.hub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * A bearer token is verified in full once and then answered from {@link BearerTokenCache} (hub-routes README,
 * "Security"), and the cache never lets through what full verification would refuse.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class BearerTokenCacheFlowTest {

    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;

    @Inject
    BearerTokenCache cache;

    @Test
    @DisplayName("the second request with the same token is answered from the cache and acts for the same agency")
    void second_request_from_the_cache() {
        String token = claims(POLICE).expiresIn(3600).jws().keyId("1").sign("privateKey.jwk");
        long hitsBefore = cache.tokens().hits();
        String first = post(token, Messages.dutyToReport()).statusCode(202).extract().path("messageId");
        String second = post(token, Messages.dutyToReport()).statusCode(202).extract().path("messageId");
        assertThat(cache.tokens().hits()).as("answered from the cache").isGreaterThan(hitsBefore);
        for (String id : new String[] {first, second}) {
            given().header("Authorization", "Bearer " + token).get("/api/v1/messages/" + id).then().statusCode(200)
                    .body("sender", org.hamcrest.Matchers.equalTo(POLICE));
        }
    }

    @Test
    @DisplayName("a cached token with its signature altered is refused: 401")
    void altered_signature_refused() {
        String token = claims(POLICE).expiresIn(3600).jws().keyId("1").sign("privateKey.jwk");
        post(token, Messages.dutyToReport()).statusCode(202);
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        post(altered, Messages.dutyToReport()).statusCode(401);
    }

    @Test
    @DisplayName("a cached token is refused once its own expiry has passed: 401")
    void expired_while_cached_refused() {
        Instant expires = Instant.now().plusSeconds(4);
        String token = claims(POLICE).expiresAt(expires).jws().keyId("1").sign("privateKey.jwk");
        post(token, Messages.dutyToReport()).statusCode(202);
        post(token, Messages.dutyToReport()).statusCode(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(expires.plusSeconds(2)));
        post(token, Messages.dutyToReport()).statusCode(401);
    }

    @Test
    @DisplayName("another agency's token is not answered with the first agency's identity")
    void other_agency_is_itself() {
        String police = claims(POLICE).expiresIn(3600).jws().keyId("1").sign("privateKey.jwk");
        String school = claims(AgencyStubs.SCHOOL).expiresIn(3600).jws().keyId("1").sign("privateKey.jwk");
        String id = post(police, Messages.dutyToReport()).statusCode(202).extract().path("messageId");
        post(police, Messages.dutyToReport()).statusCode(202);
        given().header("Authorization", "Bearer " + school).get("/api/v1/messages/" + id).then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(403), org.hamcrest.Matchers.is(404)));
    }

    private static JwtClaimsBuilder claims(String client) {
        return Jwt.issuer("https://server.example.com").audience("safeguarding-hub").subject("service-account-" + client)
                .upn(client).claim("azp", client).groups("agency");
    }

    private static ValidatableResponse post(String token, ObjectNode message) {
        return given().contentType("application/json").header("Authorization", "Bearer " + token)
                .body(message.toString()).post("/api/v1/messages").then();
    }
}

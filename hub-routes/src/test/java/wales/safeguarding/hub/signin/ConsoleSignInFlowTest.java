package wales.safeguarding.hub.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.ConsoleSession;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * A person signs in to the console with the OpenID Connect code flow (here the dev identity provider; Keycloak in
 * production) and gets a session; the console's pages need one; a wrong password gets no session.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleSignInFlowTest {

    @TestHTTPResource("/")
    URI hub;

    @Test
    void an_operator_signs_in_with_the_code_flow_and_gets_the_console() throws Exception {
        ConsoleSession session = ConsoleSession.signIn(hub, "olwen", ConsoleSession.TEST_PASSWORD);

        HttpResponse<String> page = session.get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<nav id=\"views\"");
        assertThat(session.get("/console/i18n/cy.json").body()).contains("Consol yr hwb diogelu");
    }

    @Test
    void a_wrong_password_gets_no_session() {
        assertThatThrownBy(() -> ConsoleSession.signIn(hub, "olwen", "not-the-password"))
                .isInstanceOfSatisfying(ConsoleSession.SignInRefused.class, e -> assertThat(e.status).isEqualTo(401));
        assertThatThrownBy(() -> ConsoleSession.signIn(hub, "nobody", ConsoleSession.TEST_PASSWORD))
                .isInstanceOf(ConsoleSession.SignInRefused.class);
    }

    @Test
    void the_console_page_is_not_served_without_signing_in() {
        given().redirects().follow(false).when().get("/console/").then().statusCode(302);
        given().redirects().follow(false).header("X-Requested-With", "JavaScript").when().get("/console/app.js")
                .then().statusCode(499);
    }

    @Test
    void the_dev_provider_refuses_a_code_it_did_not_issue() {
        given().formParam("grant_type", "authorization_code").formParam("code", "made-up")
                .formParam("client_id", DevIdentityProvider.CLIENT_ID).formParam("client_secret", "guess")
                .when().post("/dev-idp/token").then().statusCode(400);
    }
}

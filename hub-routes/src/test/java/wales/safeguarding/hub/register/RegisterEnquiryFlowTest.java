package wales.safeguarding.hub.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Register enquiries through the public API (issue 15 item 3): a council's register change puts a child on the
 * register; agencies ask by NHS number or by name, date of birth and local authority; the answer is minimal; every
 * enquiry is audited; unscheduled care's enquiry tells the council.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RegisterEnquiryFlowTest {

    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String HEALTH_BOARD = AgencyStubs.CARDIFF_HEALTH[0];
    private static final String PATH = "/api/v1/register-enquiries";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    DataSource dataSource;

    private String name;
    private String nhsNumber;

    @BeforeEach
    void a_child_on_the_register() {
        agencies.reset();
        name = "Alys " + UUID.randomUUID().toString().substring(0, 8);
        nhsNumber = nhsNumber();
        ObjectNode added = new CaseMessages().of("register-change");
        ObjectNode child = added.with("body").with("child");
        child.put("name", name);
        child.put("nhsNumber", nhsNumber);
        HubApi.send(COUNCIL, added).statusCode(202);
    }

    private static ValidatableResponse ask(String asClient, String body) {
        return given().header("Authorization", Tokens.bearer(asClient)).contentType("application/json").body(body)
                .when().post(PATH).then();
    }

    private String byNhsNumber(String reason) {
        ObjectNode enquiry = CanonicalJson.mapper().createObjectNode().put("nhsNumber", nhsNumber);
        if (reason != null) {
            enquiry.put("reason", reason);
        }
        return enquiry.toString();
    }

    private String byName(String localAuthority, String reason) {
        return CanonicalJson.mapper().createObjectNode().put("name", name.toUpperCase()).put("dateOfBirth", "2016-04-12")
                .put("localAuthority", localAuthority).put("reason", reason).toString();
    }

    @Test
    void a_gp_practice_finds_the_child_by_nhs_number_and_by_name_and_is_told_only_since_when_and_whom_to_call() {
        String body = ask(AgencyStubs.GP, byNhsNumber("new patient registration"))
                .statusCode(200).body("onRegister", equalTo(true)).body("since", equalTo("2025-06-24"))
                .body("council.id", equalTo(COUNCIL))
                .body("council.contact.role", equalTo("senior-safeguarding-manager"))
                .extract().asString();
        JsonNode answer = read(body);
        assertThat(answer.fieldNames()).toIterable().containsExactly("onRegister", "since", "council");
        assertThat(answer.toString()).doesNotContain("neglect", "categoriesOfHarm", nhsNumber, name);

        ask(AgencyStubs.GP, byName("W06000010", "a concern raised in surgery")).statusCode(200)
                .body("onRegister", equalTo(true)).body("council.id", equalTo(COUNCIL));
        // the same child asked for in another local authority: not on that council's register
        ask(AgencyStubs.GP, byName("W06000015", "a concern raised in surgery")).statusCode(200)
                .body("onRegister", equalTo(false)).body("council", nullValue());

        List<String[]> audit = audit(AgencyStubs.GP);
        assertThat(audit).hasSizeGreaterThanOrEqualTo(3);
        assertThat(audit).anySatisfy(row -> assertThat(row).containsExactly("nhs-number", "new patient registration",
                "true", COUNCIL));
        assertThat(audit).anySatisfy(row -> assertThat(row).containsExactly("name-and-date-of-birth",
                "a concern raised in surgery", "false", null));
        assertThat(subjects()).noneMatch(s -> s.contains(nhsNumber) || s.toLowerCase().contains(name.toLowerCase()));
    }

    @Test
    void a_school_asking_about_a_child_on_no_register_is_told_so_and_the_enquiry_is_audited() {
        ask(AgencyStubs.SCHOOL, CanonicalJson.mapper().createObjectNode().put("nhsNumber", nhsNumber())
                .put("reason", "new pupil").toString())
                .statusCode(200).body("onRegister", equalTo(false)).body("since", nullValue());
        assertThat(audit(AgencyStubs.SCHOOL)).anySatisfy(row -> assertThat(row).containsExactly("nhs-number",
                "new pupil", "false", null));
    }

    @Test
    void a_police_force_without_a_reason_is_refused_naming_the_field() {
        ask(AgencyStubs.DYFED_POWYS_POLICE, byNhsNumber(null)).statusCode(422)
                .body("violations.pointer", hasItem("/reason")).body("violations.rule", hasItem("reason-required"));
        ask(AgencyStubs.DYFED_POWYS_POLICE, byNhsNumber("a missing child report")).statusCode(200)
                .body("onRegister", equalTo(true));
    }

    @Test
    void an_agency_of_a_kind_that_may_not_ask_is_refused() {
        ask(AgencyStubs.MID_AND_WEST_WALES_BOARD, byNhsNumber("curious")).statusCode(403);
        ask(AgencyStubs.CARDIFF, byNhsNumber("curious")).statusCode(403);
        ask(AgencyStubs.CARDIFF_HEALTH[1], byNhsNumber("curious")).statusCode(403);
        given().contentType("application/json").body(byNhsNumber("no token")).when().post(PATH).then()
                .statusCode(401);
    }

    @Test
    void unscheduled_care_finding_a_child_tells_the_childs_council() {
        String enquiry = CanonicalJson.mapper().createObjectNode().put("nhsNumber", nhsNumber).put("name", name)
                .put("dateOfBirth", "2016-04-12").put("reason", "attended the emergency department").toString();
        ask(HEALTH_BOARD, byNhsNumber("attended the emergency department")).statusCode(422)
                .body("violations.pointer", hasItem("/name"));
        ask(HEALTH_BOARD, enquiry).statusCode(200).body("onRegister", equalTo(true))
                .body("council.id", equalTo(COUNCIL));
        String notice = noticeOf(HEALTH_BOARD);
        assertThat(notice).isNotNull();
        JsonNode received = await().atMost(Duration.ofSeconds(20)).until(() -> agencies.received(COUNCIL, notice),
                r -> r != null);
        assertThat(received.get("type").asText()).isEqualTo("information-share");
        assertThat(received.get("sender").asText()).isEqualTo("hub");
        assertThat(received.at("/body/summary").asText()).contains("attended the emergency department");
        assertThat(received.at("/body/child/nhsNumber").asText()).isEqualTo(nhsNumber);

        // a GP practice's enquiry tells no one
        ask(AgencyStubs.GP, byNhsNumber("registration")).statusCode(200);
        assertThat(noticeOf(AgencyStubs.GP)).isNull();
    }

    @Test
    void an_agency_asking_too_fast_is_held_back() {
        String enquiry = byNhsNumber("checking a class list");
        int status = 200;
        int asked = 0;
        while (status == 200 && asked < 40) {
            ValidatableResponse response = ask(AgencyStubs.SECOND_SCHOOL, enquiry);
            status = response.extract().statusCode();
            asked++;
            if (status == 429) {
                response.header("Retry-After", org.hamcrest.Matchers.notNullValue());
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(asked).isGreaterThan(10);
    }

    private static JsonNode read(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void auditors_see_each_enquiry_with_who_asked_and_why_and_no_identifier_of_the_child() {
        ask(AgencyStubs.GP, byNhsNumber("audit me")).statusCode(200);
        String list = given().header("Authorization", Tokens.forRole("aled", "auditor"))
                .queryParam("agency", AgencyStubs.GP).when().get("/api/v1/console/register-enquiries").then()
                .statusCode(200).body("[0].reason", equalTo("audit me")).body("[0].agency", equalTo(AgencyStubs.GP))
                .body("[0].onRegister", equalTo(true)).body("[0].council", equalTo(COUNCIL))
                .body("[0].askedBy", equalTo("nhs-number")).extract().asString();
        assertThat(list).doesNotContain(nhsNumber).doesNotContain(name);
        given().header("Authorization", Tokens.forRole("olwen", "operator")).when()
                .get("/api/v1/console/register-enquiries").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(AgencyStubs.GP)).when()
                .get("/api/v1/console/register-enquiries").then().statusCode(403);
    }

    /** Each enquiry of {@code agency}: how it asked, why, whether found, the council. */
    private List<String[]> audit(String agency) {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select asked_by, reason, on_register, council from register_enquiry where agency = ?")) {
            ps.setString(1, agency);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getBoolean(3)),
                            rs.getString(4)});
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select subject from register_enquiry union all select coalesce(nhs_number, '') || identity "
                        + "from register_child")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    subjects.add(String.valueOf(rs.getString(1)));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return subjects;
    }

    /** The notice the latest enquiry of {@code agency} sent, or null. */
    private String noticeOf(String agency) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select notice_id from register_enquiry where agency = ? order by enquired_at desc limit 1")) {
            ps.setString(1, agency);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random valid NHS number (9 digits and the modulus 11 check digit), so no other test's child answers. */
    static String nhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder("9");
            for (int i = 0; i < 8; i++) {
                digits.append(ThreadLocalRandom.current().nextInt(10));
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }
}

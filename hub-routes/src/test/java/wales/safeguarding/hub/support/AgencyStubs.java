package wales.safeguarding.hub.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * The agency systems of the test directory, one WireMock server each on its own loopback port. A server can be
 * stopped and started again on the same port to play an agency system that goes down and comes back.
 */
public final class AgencyStubs {

    public static final String CARMARTHENSHIRE = "carmarthenshire-childrens-services";
    public static final String CARDIFF = "cardiff-childrens-services";
    public static final String DYFED_POWYS_POLICE = "dyfed-powys-police";
    public static final String SOUTH_WALES_POLICE = "south-wales-police";
    public static final String GP = "gp-z99001";
    /** A GP practice whose system speaks HL7 FHIR R4 ({@code fhir-r4}). */
    public static final String FHIR_GP = "gp-z99002";
    public static final String SCHOOL = "school-6699001";
    /** A second school, the one a child moves to in the school transfer tests. */
    public static final String SECOND_SCHOOL = "school-6699002";
    public static final String EDUCATION_SERVICE = "carmarthenshire-education-service";
    public static final String MID_AND_WEST_WALES_BOARD = "mid-and-west-wales-safeguarding-board";
    public static final String CARDIFF_AND_VALE_BOARD = "cardiff-and-vale-safeguarding-board";
    /** Cardiff's health agencies in the test directory: they collect from their inbox, so they have no stub. */
    public static final String[] CARDIFF_HEALTH = {"cardiff-and-vale-health-board", "cardiff-health-visiting",
        "cardiff-school-nursing"};
    /**
     * Carmarthenshire's education providers other than schools in the test directory (issue 15 item 3): a pupil
     * referral unit (with a school number), an EOTAS provider, the youth justice and youth support services. They
     * collect from their inbox, so they have no stub.
     */
    public static final String PUPIL_REFERRAL_UNIT = "carmarthenshire-pupil-referral-unit";
    public static final String YOUTH_JUSTICE = "carmarthenshire-youth-justice";
    public static final String[] EDUCATION_PROVIDERS = {PUPIL_REFERRAL_UNIT, "carmarthenshire-eotas", YOUTH_JUSTICE,
        "carmarthenshire-youth-support"};
    /** The National Independent Safeguarding Board (issue 15 item 5): collects the monthly export from its inbox. */
    public static final String NATIONAL_BOARD = "national-independent-safeguarding-board";
    /** Cardiff's education service and a school in Cardiff's area: they collect from their inbox, so no stub. */
    public static final String CARDIFF_EDUCATION_SERVICE = "cardiff-education-service";
    public static final String CARDIFF_SCHOOL = "school-6819001";
    public static final String[] CARDIFF_EDUCATION = {CARDIFF_EDUCATION_SERVICE, CARDIFF_SCHOOL};
    public static final String[] ALL = {CARMARTHENSHIRE, CARDIFF, DYFED_POWYS_POLICE, SOUTH_WALES_POLICE, GP, FHIR_GP, SCHOOL,
        SECOND_SCHOOL, EDUCATION_SERVICE, MID_AND_WEST_WALES_BOARD, CARDIFF_AND_VALE_BOARD};

    private final Map<String, WireMockServer> servers = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    void startAll() {
        for (String agency : ALL) {
            WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            servers.put(agency, server);
            ports.put(agency, server.port());
            acceptEverything(server);
        }
    }

    void stopAll() {
        servers.values().forEach(WireMockServer::stop);
    }

    public WireMockServer of(String agency) {
        return servers.get(agency);
    }

    public String url(String agency) {
        return "http://127.0.0.1:" + ports.get(agency) + "/hub/messages";
    }

    /** The endpoint URL the directory gives the agency: a FHIR system's base URL has no path of its own. */
    String baseUrl(String agency, String directory) {
        return FHIR_GP.equals(agency) ? "http://127.0.0.1:" + ports.get(agency) + "/fhir" : url(agency);
    }

    /** Every stub back to "accept everything with 202", its request journal emptied. */
    public void reset() {
        for (String agency : ALL) {
            WireMockServer server = servers.get(agency);
            if (!server.isRunning()) {
                start(agency);
            }
            server.resetAll();
            acceptEverything(server);
        }
    }

    /** The agency system goes down: connections are refused. */
    public void stop(String agency) {
        servers.get(agency).stop();
    }

    /** The agency system comes back on the same port, accepting everything. */
    public WireMockServer start(String agency) {
        WireMockServer old = servers.get(agency);
        if (old.isRunning()) {
            return old;
        }
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(ports.get(agency)));
        server.start();
        acceptEverything(server);
        servers.put(agency, server);
        return server;
    }

    private static void acceptEverything(WireMockServer server) {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"reference\":\"STUB-REF\"}")));
    }

    /** The copy of message {@code messageId} that {@code agency}'s stub received (its first), or null before it has. */
    public JsonNode received(String agency, String messageId) {
        var requests = of(agency).findAll(postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Id", WireMock.equalTo(messageId)));
        if (requests.isEmpty()) {
            return null;
        }
        try {
            return CanonicalJson.mapper().readTree(requests.get(0).getBodyAsString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many escalation notices about {@code caseReference} naming {@code clock} as missing reached {@code agency}. */
    public int escalationsMissing(String agency, String caseReference, String clock) {
        return of(agency).findAll(postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", WireMock.equalTo("escalation"))
                .withRequestBody(WireMock.matchingJsonPath("$.caseReference", WireMock.equalTo(caseReference)))
                .withRequestBody(WireMock.matchingJsonPath("$.body.missing[?(@ == '" + clock + "')]"))).size();
    }
}

package wales.safeguarding.hub.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * The agencies' systems: a few WireMock servers on loopback, each agency's endpoint a path on one of them
 * ({@code /agencies/<id>}), answering 202. A directory for the test names them: the council and police force of the
 * example messages (senders) and {@code receivers} receiving agencies {@code it-agency-NN}. Deliveries are counted
 * per agency and per {@code X-Hub-Message-Id}.
 */
final class AgencyStubs implements AutoCloseable {

    static final String COUNCIL = "carmarthenshire-childrens-services";
    static final String POLICE = "dyfed-powys-police";
    static final String BOARD = "mid-and-west-wales-safeguarding-board";

    private final List<WireMockServer> servers = new ArrayList<>();
    private final List<String> receivers = new ArrayList<>();

    AgencyStubs(int serverCount, int receiverCount) {
        for (int i = 0; i < serverCount; i++) {
            WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                    .containerThreads(40).jettyAcceptors(2));
            server.start();
            server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(202)));
            servers.add(server);
        }
        for (int i = 0; i < receiverCount; i++) {
            receivers.add(String.format("it-agency-%02d", i));
        }
    }

    List<String> receivers() {
        return receivers;
    }

    WireMockServer serverOf(String agency) {
        int index = Math.floorMod(agency.hashCode(), servers.size());
        return servers.get(index);
    }

    String path(String agency) {
        return "/agencies/" + agency;
    }

    String url(String agency) {
        return "http://127.0.0.1:" + serverOf(agency).port() + path(agency);
    }

    /** Makes {@code agency}'s system answer {@code status} to everything from now on. */
    void answer(String agency, int status) {
        serverOf(agency).stubFor(any(urlPathEqualTo(path(agency))).atPriority(1).willReturn(aResponse().withStatus(status)));
    }

    /** Writes the test's directory: the senders, and every receiver with a REST/JSON endpoint on a stub. */
    Path writeDirectory(Path file) throws IOException {
        ObjectNode root = CanonicalJson.mapper().createObjectNode();
        ArrayNode agencies = root.putArray("agencies");
        ObjectNode council = agency(agencies, COUNCIL, "council", "Carmarthenshire Children's Services");
        council.put("localAuthority", "W06000010");
        council.put("policeForce", POLICE);
        council.put("safeguardingBoard", BOARD);
        contact(council, "senior-safeguarding-manager", "council.manager@carmarthenshire.example.org");
        ObjectNode police = agency(agencies, POLICE, "police", "Dyfed-Powys Police");
        contact(police, "designated-safeguarding-person", "public.protection@dyfed-powys.example.org");
        agency(agencies, BOARD, "safeguarding-board", "Mid and West Wales Safeguarding Board");
        for (String receiver : receivers) {
            agency(agencies, receiver, "health-board", "Test agency " + receiver);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return file;
    }

    private ObjectNode agency(ArrayNode agencies, String id, String kind, String name) {
        ObjectNode agency = agencies.addObject();
        agency.put("id", id);
        agency.put("kind", kind);
        agency.putObject("name").put("en", name).put("cy", name);
        ObjectNode endpoint = agency.putObject("endpoint");
        endpoint.put("url", url(id));
        endpoint.put("transport", "rest-json");
        agency.put("language", "en");
        agency.putArray("clientIds").add(id);
        agency.putArray("contacts");
        return agency;
    }

    private static void contact(ObjectNode agency, String role, String email) {
        ((ArrayNode) agency.get("contacts")).addObject().put("role", role).put("name", "Test " + role).put("email", email);
    }

    /** Every request that reached any agency system. */
    List<ServeEvent> events() {
        List<ServeEvent> all = new ArrayList<>();
        for (WireMockServer server : servers) {
            all.addAll(server.getAllServeEvents());
        }
        return all;
    }

    /** How many requests each message id got, for the ids in {@code ids} (delivered copies of those messages). */
    Map<String, Integer> arrivals(Set<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        for (ServeEvent event : events()) {
            String id = event.getRequest().getHeader("X-Hub-Message-Id");
            if (id != null && ids.contains(id) && event.getResponse().getStatus() / 100 == 2) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Requests that reached {@code path} (any status) with message id in {@code ids}. */
    long arrivalsAt(String path, Set<String> ids) {
        return events().stream().filter(e -> e.getRequest().getUrl().startsWith(path))
                .filter(e -> ids.contains(e.getRequest().getHeader("X-Hub-Message-Id"))).count();
    }

    @Override
    public void close() {
        servers.forEach(WireMockServer::stop);
    }
}

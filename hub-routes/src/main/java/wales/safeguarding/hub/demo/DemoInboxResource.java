package wales.safeguarding.hub.demo;

import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import jakarta.annotation.security.PermitAll;
import wales.safeguarding.schemas.spi.HubHeaders;

/**
 * Plays the demo agencies' systems in the default run: the demo directory points every agency's endpoint here.
 * Keeps only ids and types in memory and prints a line per arrival, so a newcomer can watch messages flow. Built
 * into the jar, but answers only when {@code hub.demo.inbox.enabled=true} (the demo profile).
 */
@Path("/demo/inbox")
@PermitAll
public class DemoInboxResource {

    private static final Logger LOG = Logger.getLogger("hub.demo");

    /** What a demo agency system received: ids and types, never content. */
    public record Arrival(Instant at, String messageId, String type) {
    }

    private final Map<String, List<Arrival>> inboxes = new ConcurrentHashMap<>();
    private final boolean enabled;

    public DemoInboxResource(@org.eclipse.microprofile.config.inject.ConfigProperty(name = "hub.demo.inbox.enabled",
            defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @POST
    @Path("/{agency}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("agency") String agency, @HeaderParam(HubHeaders.HTTP_MESSAGE_ID) String messageId,
            @HeaderParam(HubHeaders.HTTP_MESSAGE_TYPE) String type) {
        if (!enabled) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        inboxes.computeIfAbsent(agency, a -> new CopyOnWriteArrayList<>()).add(new Arrival(Instant.now(), messageId, type));
        LOG.infof("DEMO %-36s received %-22s %s", agency, type, messageId);
        return Response.accepted(Map.of("reference", agency.toUpperCase().substring(0, 3) + "-" + inboxes.get(agency).size()))
                .build();
    }

    /**
     * A FHIR practice system's {@code $process-message} (below its base URL): answers a FHIR response message with
     * code {@code ok}, as a GP system that took the message would.
     */
    @POST
    @Path("/{agency}/{operation: .+}")
    @Produces({"application/fhir+json", MediaType.APPLICATION_JSON})
    public Response receiveFhir(@PathParam("agency") String agency,
            @HeaderParam(HubHeaders.HTTP_MESSAGE_ID) String messageId,
            @HeaderParam(HubHeaders.HTTP_MESSAGE_TYPE) String type) {
        Response received = receive(agency, messageId, type);
        if (received.getStatus() != Response.Status.ACCEPTED.getStatusCode()) {
            return received;
        }
        String reply = """
                {"resourceType": "Bundle", "type": "message", "entry": [{"resource": {"resourceType": "MessageHeader",
                 "id": "demo-reply", "eventCoding": {"system": "https://hub.safeguarding.wales/fhir/message-event",
                 "code": "%s"}, "source": {"endpoint": "urn:demo:%s"},
                 "response": {"identifier": "%s", "code": "ok"}}}]}""".formatted(type, agency, messageId);
        return Response.ok(reply, "application/fhir+json").build();
    }

    @GET
    @Path("/{agency}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("agency") String agency) {
        if (!enabled) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.ok(List.copyOf(inboxes.getOrDefault(agency, List.of()))).build();
    }

}

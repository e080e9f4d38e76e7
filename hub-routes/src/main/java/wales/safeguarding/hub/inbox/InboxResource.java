package wales.safeguarding.hub.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.Authenticated;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.hub.security.CallerAgency;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * The mailbox of an agency system that can only poll: read what arrived after a cursor, then acknowledge each
 * message. An agency reads only its own inbox.
 */
@Path("/api/v1/inbox")
@Authenticated
@Tag(name = "Inbox", description = "For agency systems that poll instead of receiving pushes")
public class InboxResource {

    /**
     * One message in the inbox; {@code cursor} is what to pass as {@code after} to read on from it. {@code message} is
     * null once the agency has acknowledged it: the hub keeps no copy of a collected message (retention).
     */
    public record Item(long cursor, UUID messageId, String type, Instant placedAt, Instant acknowledgedAt,
            JsonNode message) {
    }

    /** A page of the inbox; {@code next} is the cursor to read on from. */
    public record Page(List<Item> items, long next) {
    }

    private final Inbox inbox;
    private final CallerAgency caller;

    public InboxResource(Inbox inbox, CallerAgency caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Messages that arrived after the cursor, oldest first")
    public Page read(@QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        var agency = caller.require();
        List<Item> items = inbox.after(agency.id(), Math.max(0, after), Math.max(1, Math.min(limit, 500))).stream()
                .map(e -> new Item(e.cursor(), e.messageId(), e.type(), e.placedAt(), e.acknowledgedAt(), json(e.message())))
                .toList();
        return new Page(items, items.isEmpty() ? Math.max(0, after) : items.get(items.size() - 1).cursor());
    }

    @POST
    @Path("/{messageId}/acknowledge")
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "The agency system has the message: it counts as delivered")
    public Acknowledged acknowledge(@PathParam("messageId") UUID messageId) {
        var agency = caller.require();
        Instant at = inbox.acknowledge(agency.id(), messageId)
                .orElseThrow(() -> ProblemException.notFound(messageId + " in the inbox of " + agency.id()));
        return new Acknowledged(messageId, at);
    }

    /** When the message was (first) acknowledged: acknowledging again changes nothing. */
    public record Acknowledged(UUID messageId, Instant acknowledgedAt) {
    }

    private static JsonNode json(byte[] message) {
        if (message == null) {
            return null;
        }
        try {
            return CanonicalJson.mapper().readTree(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

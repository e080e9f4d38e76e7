package wales.safeguarding.hub.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

/** Server-sent events for the live console: "now" every tick, "message" for each newly accepted message. */
@Path("/api/v1/console/stream")
@RolesAllowed({ConsoleRoles.OPERATOR, ConsoleRoles.AUDITOR})
@Tag(name = "Console")
public class StreamResource {

    private final LiveStreams streams;
    private final SecurityIdentity identity;

    public StreamResource(LiveStreams streams, SecurityIdentity identity) {
        this.streams = streams;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Event 'now' (the now view) every 2 s; event 'message' (a message summary) for each new message")
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        streams.follow(sink, sse, identity.getPrincipal().getName());
    }
}

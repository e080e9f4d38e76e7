package wales.safeguarding.hub.police;

import java.io.InputStream;
import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import wales.safeguarding.adapters.police.PpnParser;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.hub.intake.MessagesResource;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.hub.intake.RequestBodies;
import wales.safeguarding.hub.security.CallerAgency;

/** Police forces send Public Protection Notices over HTTPS (see {@link PoliceNotices}). */
@Path("/api/v1/police/notices")
@Authenticated
@Tag(name = "Police", description = "Public Protection Notices from police forces")
public class PoliceNoticesResource {

    private final PoliceNotices notices;
    private final CallerAgency caller;

    public PoliceNoticesResource(PoliceNotices notices, CallerAgency caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Send a Public Protection Notice", description = "Answers 202 once the duty-to-report it "
            + "becomes is stored; the same notice sent again answers 200 with the original acceptance.")
    @APIResponse(responseCode = "202", description = "Accepted as a duty-to-report")
    @APIResponse(responseCode = "400", description = "Not a valid notice: each error names the element and the rule")
    @APIResponse(responseCode = "403", description = "Not a police force, or a notice of another force")
    public Response send(InputStream body) {
        byte[] xml = RequestBodies.readLimited(body, PpnParser.MAX_NOTICE_BYTES);
        Acceptance acceptance = notices.accept(xml, caller.require());
        String tracking = "/api/v1/messages/" + acceptance.messageId();
        return Response.status(acceptance.duplicate() ? Response.Status.OK : Response.Status.ACCEPTED)
                .location(URI.create(tracking)).type(MediaType.APPLICATION_JSON)
                .entity(new MessagesResource.Accepted(acceptance.messageId(), "accepted", acceptance.acceptedAt(),
                        acceptance.recipients(), tracking, acceptance.duplicate(), acceptance.notes()))
                .build();
    }

}

package wales.safeguarding.hub.police;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import wales.safeguarding.adapters.police.PpnParser;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.intake.MessagesResource;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.hub.intake.RequestBodies;
import wales.safeguarding.hub.security.CallerAgency;

/** Police forces send Public Protection Notices over HTTPS (see {@link PoliceNotices}). */
@Path("/api/v1/police/notices")
@Authenticated
@Tag(name = "Police", description = "Public Protection Notices from police forces")
public class PoliceNoticesResource {

    // As the PPN contract's noticeId (schemas/police/ppn-1.0.xsd): anything else names no notice.
    private static final Pattern NOTICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}");

    /** Where a force's notice is: the duty-to-report it became and its tracking path. */
    public record Notice(String noticeId, UUID messageId, Instant acceptedAt, String tracking) {
    }

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

    @GET
    @Path("/{noticeId: .+}")
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Find one of your force's notices by its notice id", description = "The message id the hub "
            + "gave the notice (it is keyed with a hub secret, so a force cannot work it out) and its tracking path. "
            + "The force is the token's; another force's notice is not found.")
    @APIResponse(responseCode = "200", description = "The notice's message id and tracking path")
    @APIResponse(responseCode = "403", description = "Not a police force")
    @APIResponse(responseCode = "404", description = "No notice of this id from the token's force")
    public Notice find(@PathParam("noticeId") String noticeId) {
        Agency force = caller.require();
        if (force.kind() != AgencyKind.POLICE) {
            throw new ProblemException(Problem.of("forbidden", "Only police forces send notices", 403,
                    "agency '" + force.id() + "' is not a police force"));
        }
        if (!NOTICE_ID.matcher(noticeId).matches()) {
            throw noNotice("that");
        }
        return notices.find(force, noticeId)
                .map(m -> new Notice(noticeId, m.messageId(), m.acceptedAt(), "/api/v1/messages/" + m.messageId()))
                .orElseThrow(() -> noNotice(noticeId));
    }

    private static ProblemException noNotice(String noticeId) {
        return new ProblemException(Problem.of("not-found", "No such notice", 404,
                "your force has sent no notice " + noticeId + " that the hub accepted"));
    }
}

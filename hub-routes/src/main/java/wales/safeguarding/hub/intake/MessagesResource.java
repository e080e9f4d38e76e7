package wales.safeguarding.hub.intake;

import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.hub.refusals.HiddenRefusals;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.tracking.ComplianceNote;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import wales.safeguarding.hub.security.CallerAgency;
import wales.safeguarding.hub.tracking.MessageStatus;
import wales.safeguarding.hub.tracking.MessageTracking;

/**
 * The inbound API for agency systems: send a canonical message, and track it.
 */
@Path("/api/v1/messages")
@Authenticated
@Tag(name = "Messages", description = "Send canonical messages and track them")
public class MessagesResource {

    private final MessageIntake intake;
    private final IntakeRateLimits rateLimits;
    private final MessageTracking tracking;
    private final CallerAgency caller;
    private final long maxBytes;
    private final HiddenRefusals hiddenRefusals;

    public MessagesResource(MessageIntake intake, IntakeRateLimits rateLimits, MessageTracking tracking,
            CallerAgency caller, @ConfigProperty(name = "hub.intake.max-message-bytes") long maxBytes,
            HiddenRefusals hiddenRefusals) {
        this.hiddenRefusals = hiddenRefusals;
        this.intake = intake;
        this.rateLimits = rateLimits;
        this.tracking = tracking;
        this.caller = caller;
        this.maxBytes = maxBytes;
    }

    /** What the hub answers when it has stored a message. */
    public record Accepted(UUID messageId, String status, Instant acceptedAt, List<String> recipients, String tracking,
            boolean duplicate, List<ComplianceNote> complianceNotes) {
    }

    @POST
    // every type reaches the method, so a refusal is our problem-details answer, not the framework's bare 415
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Send a canonical message",
            description = "Answers 202 once the message is stored durably; the same message sent again answers 200 "
                    + "with the original acceptance. Refusals are RFC 9457 problem details naming each field and rule.")
    @RequestBody(description = "A canonical message: the envelope and a typed body (schemas/envelope.schema.json)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "202", description = "Accepted: stored durably; its copies are queued for its recipients next")
    @APIResponse(responseCode = "200", description = "A resubmission: the original acceptance")
    @APIResponse(responseCode = "400", description = "Not JSON")
    @APIResponse(responseCode = "403", description = "The sender is not the agency the token acts for")
    @APIResponse(responseCode = "409", description = "The message id was used for a different message")
    @APIResponse(responseCode = "413", description = "Too large")
    @APIResponse(responseCode = "415", description = "The Content-Type is not application/json or application/*+json")
    @APIResponse(responseCode = "422", description = "Breaks the contract, or cannot be routed")
    @APIResponse(responseCode = "429", description = "Faster than the agency's rate limit; Retry-After says when to "
            + "try again")
    public Response send(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        var agency = caller.require();
        rateLimits.admit(agency.id());
        if (!JsonContentType.isJson(contentType)) {
            throw ProblemException.unsupportedMediaType(JsonContentType.RULE);
        }
        Acceptance acceptance = intake.submit(RequestBodies.readLimited(body, maxBytes), agency);
        String trackingPath = "/api/v1/messages/" + acceptance.messageId();
        Accepted answer = new Accepted(acceptance.messageId(), "accepted", acceptance.acceptedAt(),
                acceptance.recipients(), trackingPath, acceptance.duplicate(), acceptance.notes());
        return Response.status(acceptance.duplicate() ? Response.Status.OK : Response.Status.ACCEPTED)
                .location(URI.create(trackingPath)).type(MediaType.APPLICATION_JSON).entity(answer).build();
    }

    @GET
    @Path("/{messageId}")
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Track a message", description = "Its state per recipient, its clocks and its history. "
            + "Only for the agency that sent it or an agency it was sent to: the sender sees every recipient; a "
            + "recipient sees only its own delivery, the clocks it owes or waits for, and the events naming it (and "
            + "the acceptance).")
    @APIResponse(responseCode = "200", description = "The message's tracking record")
    @APIResponse(responseCode = "404", description = "No such message, or one neither sent by nor sent to the "
            + "calling agency (the same answer, so that it does not tell which)")
    public MessageStatus status(@PathParam("messageId") String messageId) {
        var agency = caller.require();
        UUID id;
        try {
            id = UUID.fromString(messageId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(messageId);
        }
        MessageTracking.Answer answer = tracking.statusFor(id, agency.id());
        if (answer.refusal() == MessageTracking.Refusal.NOT_FOUND) {
            throw ProblemException.notFound(messageId);
        }
        if (answer.refusal() == MessageTracking.Refusal.NOT_YOURS) {
            // the same answer as an id nobody used, so the answer does not tell that it exists; counted as refused
            hiddenRefusals.mark("not-yours");
            throw ProblemException.notFound(messageId);
        }
        return answer.status();
    }

}

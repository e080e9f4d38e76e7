package wales.safeguarding.hub.console;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/** The console's message list, and a message's lifecycle or body read by a person who says why. */
@Path("/api/v1/console/messages")
@RolesAllowed({ConsoleRoles.OPERATOR, ConsoleRoles.AUDITOR})
@Tag(name = "Console")
public class MessagesConsoleResource {

    /** Why the person reads the body: kept in the audit trail. */
    public record Reason(String reason) {
    }

    private final ConsoleMessages messages;
    private final SecurityIdentity identity;

    public MessagesConsoleResource(ConsoleMessages messages, SecurityIdentity identity) {
        this.messages = messages;
        this.identity = identity;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Messages, newest first; the next page is ?before=<the last messageId>")
    public List<ConsoleMessages.Summary> list(@QueryParam("type") String type, @QueryParam("agency") String agency,
            @QueryParam("state") String state, @QueryParam("case") String caseReference,
            @QueryParam("overdue") String overdue, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") Integer limit, @QueryParam("before") String before) {
        return messages.search(MessageFilter.parse(type, agency, state, caseReference, overdue, from, to, limit, before));
    }

    @POST
    @Path("/{messageId}/lifecycle")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "A message's recipients, history, answers, clocks and escalations, never its body, for a "
            + "person who says why (at least 10 characters); audited")
    public ConsoleMessages.Detail detail(@PathParam("messageId") String messageId, Reason reason) {
        return messages.detail(id(messageId), identity.getPrincipal().getName(), reason == null ? null : reason.reason());
    }

    @POST
    @Path("/{messageId}/body")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "The canonical message, for a person who says why (at least 10 characters); audited")
    public byte[] body(@PathParam("messageId") String messageId, Reason reason) {
        return messages.readBody(id(messageId), identity.getPrincipal().getName(), reason == null ? null : reason.reason());
    }

    private static UUID id(String messageId) {
        UUID id = ConsoleParams.uuid("messageId", messageId);
        if (id == null) {
            throw ConsoleProblems.notFound("no message " + messageId);
        }
        return id;
    }
}

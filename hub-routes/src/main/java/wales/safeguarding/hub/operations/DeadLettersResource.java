package wales.safeguarding.hub.operations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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

import io.quarkus.security.identity.SecurityIdentity;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.schemas.validation.Violation;

/** Operators list dead letters and replay them once the cause is fixed. Every replay is audited with who and why. */
@Path("/api/v1/operations/dead-letters")
@RolesAllowed("operator")
@Tag(name = "Operations", description = "Dead letters and replays, for operators")
public class DeadLettersResource {

    /** A dead letter as an operator sees it: ids, the reason and the counts; never content. */
    public record DeadLetter(UUID messageId, String recipient, String reason, int attempts, int replays,
            Instant deadLetteredAt) {
    }

    /** Why the operator replays it: kept in the audit trail. */
    public record ReplayRequest(String reason) {
    }

    private final DeadLetterReplay replay;
    private final SecurityIdentity operator;

    public DeadLettersResource(DeadLetterReplay replay, SecurityIdentity operator) {
        this.replay = replay;
        this.operator = operator;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dead-lettered deliveries, newest first")
    public List<DeadLetter> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return replay.deadLetters(Math.max(1, Math.min(limit, 1000))).stream()
                .map(d -> new DeadLetter(d.messageId(), d.recipient(), d.lastError(), d.attempts(), d.replays(),
                        d.updatedAt()))
                .toList();
    }

    @POST
    @Path("/{messageId}/{recipient}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Replay a dead letter", description = "Queues the delivery again with its attempts reset. "
            + "The reason is required and audited; earlierReplay warns that it was replayed before.")
    public DeadLetterReplay.Replayed replay(@PathParam("messageId") UUID messageId,
            @PathParam("recipient") String recipient, ReplayRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.invalid(List.of(new Violation("/reason", "required",
                    "say why the dead letter is replayed; it is kept in the audit trail")));
        }
        return replay.replay(messageId, recipient, operator.getPrincipal().getName(), request.reason().strip());
    }
}

package wales.safeguarding.hub.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.hub.operations.DeadLetterReplay;
import wales.safeguarding.schemas.validation.Violation;

/** Dead letters for operators: list them by agency, type or reason, and replay chosen ones or all that match. */
@Path("/api/v1/console/dead-letters")
@RolesAllowed(ConsoleRoles.OPERATOR)
@Tag(name = "Console")
public class DeadLettersConsoleResource {

    static final int MAX = 1000;

    public record DeadLetter(UUID messageId, String recipient, String type, String reason, int attempts, int replays,
            Instant deadLetteredAt, boolean alreadyReplayed) {
    }

    public record Item(UUID messageId, String recipient) {
    }

    public record Filter(String agency, String type) {
    }

    /** Either {@code items} or {@code filter}; {@code reason} always. */
    public record ReplayRequest(String reason, List<Item> items, Filter filter) {
    }

    private final Transactions transactions;
    private final ConsoleMessageRepository messages;
    private final DeadLetterReplay replay;
    private final SecurityIdentity identity;

    public DeadLettersConsoleResource(Transactions transactions, ConsoleMessageRepository messages,
            DeadLetterReplay replay, SecurityIdentity identity) {
        this.transactions = transactions;
        this.messages = messages;
        this.replay = replay;
        this.identity = identity;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Dead-lettered deliveries, newest first; reason matches part of the reason")
    public List<DeadLetter> list(@QueryParam("agency") String agency, @QueryParam("type") String type,
            @QueryParam("reason") String reason, @QueryParam("limit") Integer limit) {
        return find(ConsoleParams.text(agency), ConsoleParams.text(type), ConsoleParams.text(reason),
                ConsoleParams.limit("limit", limit, MAX, MAX));
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Replay the listed dead letters, or all that match the filter; each replay audited")
    public List<DeadLetterReplay.Outcome> replay(ReplayRequest request) {
        String why = ConsoleMessages.requireReason(request == null ? null : request.reason());
        List<DeadLetterReplay.Target> targets = targets(request);
        return replay.replayAll(targets, identity.getPrincipal().getName(), why);
    }

    private List<DeadLetter> find(String agency, String type, String reason, int limit) {
        return transactions.inTransaction(c -> messages.deadLetters(c, agency, type, reason, limit)).stream()
                .map(d -> new DeadLetter(d.messageId(), d.recipient(), d.type(), d.reason(), d.attempts(), d.replays(),
                        d.deadLetteredAt(), d.replays() > 0))
                .toList();
    }

    /** The deliveries a request names: its items, or every dead letter its filter matches. */
    private List<DeadLetterReplay.Target> targets(ReplayRequest request) {
        boolean hasItems = request.items() != null && !request.items().isEmpty();
        if (hasItems == (request.filter() != null)) {
            throw ConsoleProblems.invalid("/items", "items-or-filter", "give either items or a filter");
        }
        if (!hasItems) {
            return find(ConsoleParams.text(request.filter().agency()), ConsoleParams.text(request.filter().type()), null,
                    MAX).stream().map(d -> new DeadLetterReplay.Target(d.messageId(), d.recipient())).toList();
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            Item item = request.items().get(i);
            if (item == null || item.messageId() == null) {
                violations.add(new Violation("/items/" + i + "/messageId", "required", "the message id"));
            }
            if (item == null || item.recipient() == null || item.recipient().isBlank()) {
                violations.add(new Violation("/items/" + i + "/recipient", "required", "the recipient agency id"));
            }
        }
        if (!violations.isEmpty()) {
            throw ConsoleProblems.invalid(violations);
        }
        return request.items().stream().map(i -> new DeadLetterReplay.Target(i.messageId(), i.recipient())).toList();
    }
}

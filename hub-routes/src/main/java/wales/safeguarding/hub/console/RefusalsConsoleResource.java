package wales.safeguarding.hub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.refusals.RefusalRepository;

/** The agency API's refusals of the last hour, per agency and status, as the console's "now" view shows them. */
@Path("/api/v1/console/refusals")
@RolesAllowed({ConsoleRoles.OPERATOR, ConsoleRoles.AUDITOR})
@Tag(name = "Console")
public class RefusalsConsoleResource {

    static final Duration WINDOW = Duration.ofHours(1);

    public record Refusals(Instant since, List<RefusalRepository.Count> refusals) {
    }

    private final Transactions transactions;
    private final RefusalRepository repository;
    private final Clock clock;

    public RefusalsConsoleResource(Transactions transactions, RefusalRepository repository, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refused agency requests (401, 403, 409, 413, 415, 422, 429) of the last hour, per agency and "
            + "status, the most refused first; agency 'unknown' for requests without a valid token")
    public Refusals refusals() {
        Instant since = clock.instant().minus(WINDOW);
        return transactions.inTransaction(c -> new Refusals(since, repository.since(c, since)));
    }
}

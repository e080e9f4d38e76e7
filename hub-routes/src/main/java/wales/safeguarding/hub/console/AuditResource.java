package wales.safeguarding.hub.console;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import wales.safeguarding.hub.audit.ConsoleAuditRepository;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/** The console's audit trail for auditors: body reads, replays, directory edits, pause and resume. */
@Path("/api/v1/console/audit")
@RolesAllowed(ConsoleRoles.AUDITOR)
@Tag(name = "Console")
public class AuditResource {

    static final int MAX = 1000;

    private final Transactions transactions;
    private final ConsoleAuditRepository audit;

    public AuditResource(Transactions transactions, ConsoleAuditRepository audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "What people did through the console, newest first")
    public List<ConsoleAuditRepository.Entry> trail(@QueryParam("actor") String actor,
            @QueryParam("message") String message, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") Integer limit) {
        ConsoleAuditRepository.Query query = new ConsoleAuditRepository.Query(ConsoleParams.text(actor),
                ConsoleParams.uuid("message", message), ConsoleParams.instant("from", from),
                ConsoleParams.instant("to", to), ConsoleParams.limit("limit", limit, 200, MAX));
        return transactions.inTransaction(c -> audit.find(c, query));
    }
}

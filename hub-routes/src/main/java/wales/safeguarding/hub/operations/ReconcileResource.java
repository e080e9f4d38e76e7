package wales.safeguarding.hub.operations;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.schemas.validation.Violation;

/** After a database restore, an operator reconciles the deliveries with the broker ({@link Reconciliation}). */
@Path("/api/v1/operations/reconcile")
@RolesAllowed("operator")
@Tag(name = "Operations", description = "Dead letters and replays, for operators")
public class ReconcileResource {

    /** Why: kept in the audit trail. */
    public record ReconcileRequest(String reason) {
    }

    private final Reconciliation reconciliation;
    private final SecurityIdentity operator;

    public ReconcileResource(Reconciliation reconciliation, SecurityIdentity operator) {
        this.reconciliation = reconciliation;
        this.operator = operator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Queue again every delivery still to be delivered, after a database restore",
            description = "Run once, right after the hub starts on a restored database. Agencies may get a copy they "
                    + "already have, under the same message id. The reason is required and audited.")
    public Reconciliation.Result reconcile(ReconcileRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.invalid(List.of(new Violation("/reason", "required",
                    "say why (the restore and its ticket); it is kept in the audit trail")));
        }
        return reconciliation.afterRestore(operator.getPrincipal().getName(), request.reason().strip());
    }
}

package wales.safeguarding.hub.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's live view: traffic, queues, latency, overdue clocks and open escalations. */
@Path("/api/v1/console/now")
@RolesAllowed({ConsoleRoles.OPERATOR, ConsoleRoles.AUDITOR})
@Tag(name = "Console")
public class NowResource {

    private final OperationsNow operations;

    public NowResource(OperationsNow operations) {
        this.operations = operations;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Traffic of the last 30 minutes, the queues, latency of the last hour, overdue clocks")
    public OperationsNow.Now now() {
        return operations.now();
    }
}

package wales.safeguarding.hub.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/**
 * An operator counts the running clocks again after every instance runs on a newer bank-holiday file
 * ({@link ClockRecount}; each instance also does it once soon after it starts).
 */
@Path("/api/v1/operations/recount-clocks")
@RolesAllowed("operator")
@Tag(name = "Operations", description = "Dead letters and replays, for operators")
public class ClockRecountResource {

    private final ClockRecount recount;

    public ClockRecountResource(ClockRecount recount) {
        this.recount = recount;
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Count the running statutory clocks again with the bank-holiday file loaded now",
            description = "For the clocks counted with other bank-holiday data: their due times and next escalations "
                    + "move to what the loaded file gives (a written report's deadline only ever earlier), each move "
                    + "audited on its message. Run after a rolling restart onto a new file has finished, so clocks "
                    + "an instance on the old file started during the rollout are counted too.")
    public ClockRecount.Result recount() {
        return recount.run();
    }
}

package wales.safeguarding.hub.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import wales.safeguarding.hub.bodies.BodyRewrap;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/** Operators move stored bodies to the current key after a rotation, a batch at a time. */
@Path("/api/v1/operations/bodies")
@RolesAllowed("operator")
@Tag(name = "Operations")
public class BodiesResource {

    static final int MAX_BATCH = 5000;

    private final BodyRewrap rewrap;

    public BodiesResource(BodyRewrap rewrap) {
        this.rewrap = rewrap;
    }

    @POST
    @Path("/rewrap")
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Re-wrap one batch of stored bodies under the current key",
            description = "Re-wraps the data keys of up to limit message bodies and limit inbox copies stored under "
                    + "an older key, and encrypts rows still stored in clear. Call again until remaining is 0.")
    public BodyRewrap.Result rewrap(@QueryParam("limit") @DefaultValue("500") int limit) {
        return rewrap.batch(Math.max(1, Math.min(limit, MAX_BATCH)));
    }
}

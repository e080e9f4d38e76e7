package wales.safeguarding.hub.endpoints;

import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.schemas.validation.Violation;

/** The console's view of agency endpoints: health and queue depth for operators and admins; pause and resume for operators. */
@Path("/api/v1/console/endpoints")
@Tag(name = "Console: endpoints", description = "Agency endpoints' health, queue depth, pause and resume")
public class EndpointsResource {

    /** Why the operator pauses or resumes: kept with who and when. */
    public record ChangeRequest(String reason) {
    }

    private final Endpoints endpoints;
    private final EndpointPauses pauses;
    private final SecurityIdentity operator;

    public EndpointsResource(Endpoints endpoints, EndpointPauses pauses, SecurityIdentity operator) {
        this.endpoints = endpoints;
        this.pauses = pauses;
        this.operator = operator;
    }

    @GET
    @RolesAllowed({"operator", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every agency endpoint: last success and failure, consecutive failures, retrying, paused, queue depth")
    public List<EndpointStatus> list() throws SQLException {
        return endpoints.all();
    }

    @POST
    @Path("/{agency}/pause")
    @RolesAllowed("operator")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Pause deliveries to an agency", description = "Its messages wait on its broker queue until it "
            + "is resumed; nothing is lost or dead-lettered. Stays paused across restarts. The reason is required and audited.")
    @APIResponse(responseCode = "200", description = "The endpoint, now paused")
    @APIResponse(responseCode = "404", description = "No such agency endpoint")
    @APIResponse(responseCode = "422", description = "No reason given")
    public EndpointStatus pause(@PathParam("agency") String agency, ChangeRequest request) throws SQLException {
        return change(agency, request, true);
    }

    @POST
    @Path("/{agency}/resume")
    @RolesAllowed("operator")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Resume deliveries to a paused agency", description = "The reason is required and audited.")
    @APIResponse(responseCode = "200", description = "The endpoint, delivering again")
    @APIResponse(responseCode = "404", description = "No such agency endpoint")
    @APIResponse(responseCode = "422", description = "No reason given")
    public EndpointStatus resume(@PathParam("agency") String agency, ChangeRequest request) throws SQLException {
        return change(agency, request, false);
    }

    private EndpointStatus change(String agency, ChangeRequest request, boolean pause) throws SQLException {
        endpoints.require(agency);
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.invalid(List.of(new Violation("/reason", "required", "say why the endpoint is "
                    + (pause ? "paused" : "resumed") + "; it is kept in the endpoint's audit trail")));
        }
        pauses.set(agency, pause, operator.getPrincipal().getName(), request.reason().strip());
        return endpoints.one(agency);
    }
}

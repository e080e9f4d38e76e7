package wales.safeguarding.hub.console;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import wales.safeguarding.hub.intake.ProblemExceptionMapper;

/** The directory: read by operators and admins, edited by admins. */
@Path("/api/v1/console/directory")
@Tag(name = "Console")
public class DirectoryResource {

    private final DirectoryAdmin admin;
    private final SecurityIdentity identity;

    public DirectoryResource(DirectoryAdmin admin, SecurityIdentity identity) {
        this.admin = admin;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ConsoleRoles.OPERATOR, ConsoleRoles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every agency: kind, names, region, endpoint and transport, language, contacts")
    public List<DirectoryAdmin.Entry> list() {
        return admin.list();
    }

    @PUT
    @Path("/agencies/{agencyId}")
    @RolesAllowed(ConsoleRoles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Edit an agency's names, endpoint URL, language or contacts; kept, audited, used at once")
    public DirectoryAdmin.Entry edit(@PathParam("agencyId") String agencyId, DirectoryEditRules.Request request) {
        return admin.edit(agencyId, request, identity.getPrincipal().getName());
    }
}

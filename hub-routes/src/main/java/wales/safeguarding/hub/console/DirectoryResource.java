package wales.safeguarding.hub.console;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.identity.SecurityIdentity;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/** The directory: read by operators and admins, changed by admins. */
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
    @Operation(summary = "Edit an agency's names, endpoint URL and transport, language or contacts; stored, audited,"
            + " used by every hub instance within seconds")
    public DirectoryAdmin.Entry edit(@PathParam("agencyId") String agencyId, DirectoryEditRules.Request request) {
        return admin.edit(agencyId, request, identity.getPrincipal().getName());
    }

    @POST
    @Path("/agencies")
    @RolesAllowed(ConsoleRoles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Add an agency (the directory file's layout); validated, stored, audited")
    public Response add(JsonNode agency) {
        DirectoryAdmin.Entry added = admin.add(agency, identity.getPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @DELETE
    @Path("/agencies/{agencyId}")
    @RolesAllowed(ConsoleRoles.ADMIN)
    @Produces(ProblemExceptionMapper.PROBLEM_JSON)
    @Operation(summary = "Remove an agency; refused (409) while another names it as police force or board")
    public Response remove(@PathParam("agencyId") String agencyId) {
        admin.remove(agencyId, identity.getPrincipal().getName());
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @RolesAllowed(ConsoleRoles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Make the directory the one in the file ({\"agencies\": [...]}): what it adds, changes and"
            + " removes. A dry run (the default) changes nothing; dry-run=false applies it")
    public DirectoryAdmin.ImportReport importFile(@QueryParam("dry-run") @DefaultValue("true") String dryRun,
            JsonNode file) {
        if (!"true".equals(dryRun) && !"false".equals(dryRun)) {
            throw ConsoleProblems.invalid("dry-run", "boolean", "true or false");
        }
        return admin.importFile(file, Boolean.parseBoolean(dryRun), identity.getPrincipal().getName());
    }
}

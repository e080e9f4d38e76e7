package wales.safeguarding.hub.cases;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.hub.security.CallerAgency;

/** A case's timeline, for the agencies that took part in it. */
@Path("/api/v1/cases")
@Authenticated
@Tag(name = "Cases", description = "One child's case across agencies")
public class CasesResource {

    /** The timeline of one case as the calling agency may see it. */
    public record Timeline(String caseReference, List<TimelineEntry> entries) {
    }

    private final CaseTimeline timeline;
    private final CallerAgency caller;

    public CasesResource(CaseTimeline timeline, CallerAgency caller) {
        this.timeline = timeline;
        this.caller = caller;
    }

    @GET
    @Path("/{caseReference}/timeline")
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "The case's messages, deliveries, acknowledgements, clocks and escalations in time order",
            description = "Scoped to the calling agency: the messages of the case it sent or received. A case in "
                    + "which it took no part answers 404, as if it did not exist.")
    @APIResponse(responseCode = "200", description = "The timeline")
    @APIResponse(responseCode = "404", description = "No case the calling agency took part in")
    public Timeline timeline(@PathParam("caseReference") String caseReference) {
        var agency = caller.require();
        List<TimelineEntry> entries = timeline.forAgency(caseReference, agency.id());
        if (entries.isEmpty()) {
            throw new ProblemException(Problem.of("not-found", "No such case", 404,
                    "no case " + caseReference + " in which " + agency.id() + " sent or received a message"));
        }
        return new Timeline(caseReference, entries);
    }
}

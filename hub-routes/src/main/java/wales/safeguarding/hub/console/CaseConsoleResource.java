package wales.safeguarding.hub.console;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import wales.safeguarding.hub.cases.CaseTimeline;
import wales.safeguarding.hub.cases.TimelineEntry;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/** One child's case across every agency: its messages, and its timeline with the clocks. */
@Path("/api/v1/console/cases")
@RolesAllowed({ConsoleRoles.OPERATOR, ConsoleRoles.AUDITOR})
@Tag(name = "Console")
public class CaseConsoleResource {

    public record Case(String caseReference, List<ConsoleMessages.Summary> messages, List<TimelineEntry> entries) {
    }

    private final CaseTimeline timeline;
    private final ConsoleMessages messages;

    public CaseConsoleResource(CaseTimeline timeline, ConsoleMessages messages) {
        this.timeline = timeline;
        this.messages = messages;
    }

    @GET
    @Path("/{caseReference}")
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "The case's messages (newest first) and its timeline of events and clocks (in time order)")
    public Case byReference(@PathParam("caseReference") String caseReference) {
        List<TimelineEntry> entries = timeline.wholeCase(caseReference);
        if (entries.isEmpty()) {
            throw ConsoleProblems.notFound("no case " + caseReference);
        }
        return new Case(caseReference, messages.search(MessageFilter.ofCase(caseReference)), entries);
    }
}

package wales.safeguarding.hub.console;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import wales.safeguarding.hub.audit.ConsoleAuditRepository;
import wales.safeguarding.hub.cases.CaseTimeline;
import wales.safeguarding.hub.cases.TimelineEntry;
import wales.safeguarding.hub.database.Transactions;
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
    private final Transactions transactions;
    private final ConsoleAuditRepository audit;
    private final SecurityIdentity identity;
    private final Clock clock;

    public CaseConsoleResource(CaseTimeline timeline, ConsoleMessages messages, Transactions transactions,
            ConsoleAuditRepository audit, SecurityIdentity identity, Clock clock) {
        this.timeline = timeline;
        this.messages = messages;
        this.transactions = transactions;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/{caseReference}")
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "The case's messages (newest first) and its timeline of events and clocks (in time order)",
            description = "Never a body (open one with its reason through /messages/{id}/body). Each read is kept in "
                    + "the console's audit trail: who, when, which case, and the reason when one is given.")
    public Case byReference(@PathParam("caseReference") String caseReference, @QueryParam("reason") String reason) {
        List<TimelineEntry> entries = timeline.wholeCase(caseReference);
        if (entries.isEmpty()) {
            throw ConsoleProblems.notFound("no case " + caseReference);
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        transactions.inTransaction(c -> {
            audit.record(c, identity.getPrincipal().getName(), ConsoleAuditRepository.CASE_READ, null, null,
                    caseReference, why, entries.size() + " timeline entries", clock.instant());
            return null;
        });
        return new Case(caseReference, messages.search(MessageFilter.ofCase(caseReference)), entries);
    }
}

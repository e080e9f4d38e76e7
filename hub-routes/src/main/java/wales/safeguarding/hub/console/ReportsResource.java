package wales.safeguarding.hub.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/**
 * The safeguarding boards' performance report: aggregates only, as JSON or CSV. A regional board's viewer sees its own
 * region only ({@link BoardScope}); the national viewer, operators and auditors see Wales.
 */
@Path("/api/v1/console/reports")
@RolesAllowed({ConsoleRoles.BOARD_VIEWER, ConsoleRoles.NATIONAL_VIEWER, ConsoleRoles.OPERATOR, ConsoleRoles.AUDITOR})
@Tag(name = "Console")
public class ReportsResource {

    public static final String TEXT_CSV = "text/csv";

    /** The token claim naming a regional board viewer's board (its agency id in the directory). */
    public static final String BOARD_CLAIM = "safeguarding_board";

    private final Reports reports;
    private final SecurityIdentity identity;
    private final Directory directory;

    public ReportsResource(Reports reports, SecurityIdentity identity, Directory directory) {
        this.reports = reports;
        this.identity = identity;
        this.directory = directory;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Per council, region or agency: duty-to-reports, outcomes in time, GP invitations and "
            + "reports, outline plans, overdue clocks. ?council=<id> for one council's row only (counted from its own "
            + "rows: quick for a year). ?format=csv or Accept: text/csv for CSV")
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy, @QueryParam("council") String council,
            @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean csv = "csv".equalsIgnoreCase(format)
                || format == null && accept != null && accept.contains(TEXT_CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ConsoleProblems.invalid("format", "enum", "json or csv");
        }
        BoardReport.Report report = reports.report(from, to, groupBy, council, scope());
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        String file = "safeguarding-report-" + report.groupBy() + "-" + report.from() + "-" + report.to() + ".csv";
        return Response.ok(ReportCsv.write(report), TEXT_CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /**
     * The national viewer, the hub's operators and auditors see Wales; a board viewer only the region of the board
     * its token names ({@value #BOARD_CLAIM}), and without one (or with one the directory does not know) nothing.
     */
    private BoardScope scope() {
        if (identity.hasRole(ConsoleRoles.NATIONAL_VIEWER) || identity.hasRole(ConsoleRoles.OPERATOR)
                || identity.hasRole(ConsoleRoles.AUDITOR)) {
            return BoardScope.wales();
        }
        String board = identity.getPrincipal() instanceof JsonWebToken token && token.getClaim(BOARD_CLAIM) != null
                ? token.getClaim(BOARD_CLAIM).toString().replace("\"", "") : null;
        if (board == null || directory.find(board).filter(a -> a.kind() == AgencyKind.SAFEGUARDING_BOARD).isEmpty()) {
            throw new ProblemException(Problem.of("forbidden", "No region", 403, "a board viewer's sign-in names its "
                    + "regional safeguarding board (claim " + BOARD_CLAIM + "); this one names none the directory knows"));
        }
        return BoardScope.region(board);
    }
}

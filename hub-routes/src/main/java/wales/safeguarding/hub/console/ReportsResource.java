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

import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/** The safeguarding boards' performance report: aggregates only, as JSON or CSV. */
@Path("/api/v1/console/reports")
@RolesAllowed({ConsoleRoles.BOARD_VIEWER, ConsoleRoles.OPERATOR, ConsoleRoles.AUDITOR})
@Tag(name = "Console")
public class ReportsResource {

    public static final String TEXT_CSV = "text/csv";

    private final Reports reports;

    public ReportsResource(Reports reports) {
        this.reports = reports;
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
        BoardReport.Report report = reports.report(from, to, groupBy, council);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        String file = "safeguarding-report-" + report.groupBy() + "-" + report.from() + "-" + report.to() + ".csv";
        return Response.ok(ReportCsv.write(report), TEXT_CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}

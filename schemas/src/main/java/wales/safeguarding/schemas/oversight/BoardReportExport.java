package wales.safeguarding.schemas.oversight;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code board-report-export}: the safeguarding boards' report for one calendar month, per council and per
 * agency, as the console's report API gives it ({@code reports}, kept as JSON trees so a measure added to the report
 * later travels without a new record) and as its CSV ({@code csv}). {@code definitions} says where the measures are
 * defined. Aggregates only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BoardReportExport(Period period, String definitions, Reports reports, Csv csv) {

    /** The month ({@code YYYY-MM}) and its first and last day. */
    public record Period(String month, LocalDate from, LocalDate to) {
    }

    /** The report by council and by agency, each as the console's JSON. */
    public record Reports(JsonNode byCouncil, JsonNode byAgency) {
    }

    /** The same reports as the console's CSV. */
    public record Csv(String byCouncil, String byAgency) {
    }
}

package wales.safeguarding.hub.register;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import wales.safeguarding.hub.console.ConsoleParams;
import wales.safeguarding.hub.console.ConsoleRoles;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/**
 * The register enquiries for auditors ({@code register_enquiry}): who asked, when, why, how, whether the child was
 * found and which council was told. Never the child's identifiers (they are kept only as a keyed hash, not shown).
 */
@Path("/api/v1/console/register-enquiries")
@RolesAllowed(ConsoleRoles.AUDITOR)
@Tag(name = "Console")
public class RegisterEnquiriesConsoleResource {

    static final int MAX = 1000;

    /** One enquiry as auditors see it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(UUID enquiryId, Instant enquiredAt, String agency, String agencyKind, String askedBy,
            String reason, boolean onRegister, String council, String caseReference, UUID noticeId) {
    }

    private final Transactions transactions;

    public RegisterEnquiriesConsoleResource(Transactions transactions) {
        this.transactions = transactions;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Register enquiries, newest first, by agency and period")
    public List<Entry> list(@QueryParam("agency") String agency, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") Integer limit) {
        String byAgency = ConsoleParams.text(agency);
        Instant since = ConsoleParams.instant("from", from);
        Instant until = ConsoleParams.instant("to", to);
        int most = ConsoleParams.limit("limit", limit, 200, MAX);
        return transactions.inTransaction(c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select enquiry_id, enquired_at, agency, agency_kind, asked_by, reason, on_register, council,
                           case_reference, notice_id
                    from register_enquiry
                    where (?::text is null or agency = ?) and (?::timestamptz is null or enquired_at >= ?)
                      and (?::timestamptz is null or enquired_at < ?)
                    order by enquired_at desc, enquiry_id limit ?""")) {
                ps.setString(1, byAgency);
                ps.setString(2, byAgency);
                Timestamp a = since == null ? null : Timestamp.from(since);
                Timestamp b = until == null ? null : Timestamp.from(until);
                ps.setTimestamp(3, a);
                ps.setTimestamp(4, a);
                ps.setTimestamp(5, b);
                ps.setTimestamp(6, b);
                ps.setInt(7, most);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                                rs.getString(8), rs.getString(9), rs.getObject(10, UUID.class)));
                    }
                }
            }
            return entries;
        });
    }
}

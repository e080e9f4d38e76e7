package wales.safeguarding.hub.alerts;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import wales.safeguarding.hub.database.Transactions;

/** The console's operational alerts: endpoints failing and queues backing up, raised and resolved. */
@Path("/api/v1/console/alerts")
@Tag(name = "Console: alerts", description = "Operational alerts about agency endpoints")
public class AlertsResource {

    private static final int LIMIT = 500;

    private final Transactions transactions;
    private final OperationalAlerts alerts;

    public AlertsResource(Transactions transactions, OperationalAlerts alerts) {
        this.transactions = transactions;
        this.alerts = alerts;
    }

    @GET
    @RolesAllowed({"operator", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Operational alerts, newest first", description = "open=true: only the alerts not yet "
            + "resolved. At most 500.")
    public List<OperationalAlert> list(@QueryParam("open") @DefaultValue("false") boolean open) {
        return transactions.inTransaction(c -> alerts.list(c, open, LIMIT));
    }
}

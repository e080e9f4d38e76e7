package wales.safeguarding.hub.dutytoreport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.intake.Routing;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.schemas.dutytoreport.Child;
import wales.safeguarding.schemas.dutytoreport.DutyToReport;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.validation.Violation;

/**
 * A duty-to-report goes to the children's services of each child's local authority, whoever else the reporter
 * names, and starts that council's acknowledgement and outcome clocks.
 */
@ApplicationScoped
public class DutyToReportRules {

    private final Directory directory;
    private final StatutoryClocks clocks;
    private final TrackingRepository tracking;
    private final int acknowledgementDays;
    private final int outcomeDays;

    public DutyToReportRules(Directory directory, StatutoryClocks clocks, TrackingRepository tracking,
            @ConfigProperty(name = "hub.clocks.report-acknowledgement.working-days") int acknowledgementDays,
            @ConfigProperty(name = "hub.clocks.report-outcome.working-days") int outcomeDays) {
        this.directory = directory;
        this.clocks = clocks;
        this.tracking = tracking;
        this.acknowledgementDays = acknowledgementDays;
        this.outcomeDays = outcomeDays;
    }

    public Routing route(Envelope report) {
        DutyToReport body = CanonicalJson.bodyAs(report, DutyToReport.class);
        List<String> councils = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < body.children().size(); i++) {
            Child child = body.children().get(i);
            var council = directory.childrensServicesFor(child.localAuthority());
            if (council.isPresent()) {
                councils.add(council.get().id());
            } else {
                violations.add(new Violation("/body/children/" + i + "/localAuthority", "known-local-authority",
                        "no children's services in the directory for local authority " + child.localAuthority()));
            }
        }
        return new Routing(councils, violations);
    }

    /** The councils that owe this report an acknowledgement and an outcome. */
    public List<String> councilsOwing(Envelope report) {
        return route(report).recipients();
    }

    public void startClocks(Connection c, Envelope report, Instant receivedAt) throws SQLException {
        for (String council : councilsOwing(report)) {
            start(c, report, council, ReportClock.ACKNOWLEDGEMENT, acknowledgementDays, receivedAt);
            start(c, report, council, ReportClock.OUTCOME, outcomeDays, receivedAt);
        }
    }

    private void start(Connection c, Envelope report, String council, ReportClock clock, int days, Instant receivedAt)
            throws SQLException {
        StatutoryClocks.Due due = clocks.due(receivedAt, days);
        tracking.insertClock(c, report.messageId(), clock.wireName(), council, report.sender(), receivedAt, due.dueAt(),
                due.beyondData());
    }
}

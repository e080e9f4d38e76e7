package wales.safeguarding.hub.dutytoreport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.intake.Routing;
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
    private final ClockKeeper clocks;

    public DutyToReportRules(Directory directory, ClockKeeper clocks) {
        this.directory = directory;
        this.clocks = clocks;
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
            for (ReportClock clock : ReportClock.values()) {
                clocks.start(c, clock.wireName(), report.messageId(), report.caseReference(), null, council,
                        report.sender(), receivedAt);
            }
        }
    }
}

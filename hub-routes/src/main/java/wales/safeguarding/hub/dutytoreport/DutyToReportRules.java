package wales.safeguarding.hub.dutytoreport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.intake.FlowRules;
import wales.safeguarding.hub.intake.Routing;
import wales.safeguarding.schemas.dutytoreport.Child;
import wales.safeguarding.schemas.dutytoreport.DutyToReport;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * A duty-to-report goes to the children's services of each child's local authority, whoever else the reporter
 * names, and starts that council's acknowledgement and outcome clocks.
 */
@ApplicationScoped
public class DutyToReportRules implements FlowRules {

    private final Directory directory;
    private final ClockKeeper clocks;

    public DutyToReportRules(Directory directory, ClockKeeper clocks) {
        this.directory = directory;
        this.clocks = clocks;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.DUTY_TO_REPORT);
    }

    @Override
    public Routing route(Connection c, Envelope report) {
        return route(report);
    }

    @Override
    public void accepted(Connection c, Envelope report, Instant receivedAt) throws SQLException {
        startClocks(c, report, receivedAt);
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

    /**
     * Each council owes the report-maker an acknowledgement and an outcome, and owes a decision on next actions
     * within a working day (met by its acknowledgement, its outcome or a strategy meeting about the report).
     */
    public void startClocks(Connection c, Envelope report, Instant receivedAt) throws SQLException {
        for (String council : councilsOwing(report)) {
            for (ReportClock clock : ReportClock.values()) {
                clocks.start(c, clock.wireName(), report.messageId(), report.caseReference(), null, council,
                        report.sender(), receivedAt);
            }
            clocks.start(c, NEXT_ACTIONS, report.messageId(), report.caseReference(), null, council, report.sender(),
                    receivedAt);
        }
    }

    /** The clock for children's services' decision on next actions (1 working day). */
    public static final String NEXT_ACTIONS = "next-actions";
}

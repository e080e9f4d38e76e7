package wales.safeguarding.hub.dutytoreport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
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

    public DutyToReportRules(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.DUTY_TO_REPORT);
    }

    @Override
    public Routing route(Envelope report, CaseFacts facts) {
        return route(report);
    }

    @Override
    public List<Effect> accepted(Envelope report, Instant receivedAt, CaseFacts facts) {
        return startClocks(report, receivedAt);
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
    public List<Effect> startClocks(Envelope report, Instant receivedAt) {
        List<Effect> effects = new ArrayList<>();
        for (String council : councilsOwing(report)) {
            for (ReportClock clock : ReportClock.values()) {
                effects.add(new Effect.StartClock(clock.wireName(), report.caseReference(), null, council,
                        report.sender(), receivedAt));
            }
            effects.add(new Effect.StartClock(NEXT_ACTIONS, report.caseReference(), null, council, report.sender(),
                    receivedAt));
        }
        return effects;
    }

    /** The clock for children's services' decision on next actions (1 working day). */
    public static final String NEXT_ACTIONS = "next-actions";
}

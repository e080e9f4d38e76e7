package wales.safeguarding.hub.dutytoreport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.clocks.ClockRepository;

import wales.safeguarding.hub.intake.FlowRules;
import wales.safeguarding.hub.intake.Routing;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Children's services answer a duty-to-report with a report-acknowledgement and a report-outcome. Each goes back to
 * the report-maker's agency, moves the council's delivery of the report on, and stops the clock it answers. An
 * outcome also counts as the acknowledgement if none came before it.
 */
@ApplicationScoped
public class ReportResponses implements FlowRules {

    private final TrackingRepository tracking;
    private final ClockRepository clockStore;

    public ReportResponses(TrackingRepository tracking, ClockRepository clockStore) {
        this.tracking = tracking;
        this.clockStore = clockStore;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.REPORT_ACKNOWLEDGEMENT, MessageType.REPORT_OUTCOME);
    }

    @Override
    public void accepted(Connection c, Envelope answer, Instant at) throws SQLException {
        record(c, answer, at);
    }

    /** The report-maker's agency, if the answer refers to a duty-to-report that reached the answering council. */
    @Override
    public Routing route(Connection c, Envelope answer) throws SQLException {
        Optional<StoredMessage> report = tracking.answeredMessage(c, answer, MessageType.DUTY_TO_REPORT);
        return report.map(r -> Routing.to(List.of(r.sender())))
                .orElseGet(() -> Routing.refused(new Violation("/correlationId", "answers-a-duty-to-report-sent-to-you",
                        "must be the messageId of a duty-to-report sent to " + answer.sender())));
    }

    public void record(Connection c, Envelope answer, Instant at) throws SQLException {
        StoredMessage report = tracking.answeredMessage(c, answer, MessageType.DUTY_TO_REPORT).orElseThrow();
        String council = answer.sender();
        String detail = answer.type().wireName() + " " + answer.messageId();
        // Either answer is a decision on next actions.
        clockStore.meetClock(c, report.messageId(), DutyToReportRules.NEXT_ACTIONS, council, answer.messageId(), at);
        if (answer.type() == MessageType.REPORT_ACKNOWLEDGEMENT) {
            tracking.transition(c, report.messageId(), council, DeliveryState.ACKNOWLEDGED, detail, council, at);
            clockStore.meetClock(c, report.messageId(), ReportClock.ACKNOWLEDGEMENT.wireName(), council, answer.messageId(), at);
        } else {
            tracking.transition(c, report.messageId(), council, DeliveryState.OUTCOME_GIVEN, detail, council, at);
            clockStore.meetClock(c, report.messageId(), ReportClock.ACKNOWLEDGEMENT.wireName(), council, answer.messageId(), at);
            clockStore.meetClock(c, report.messageId(), ReportClock.OUTCOME.wireName(), council, answer.messageId(), at);
        }
    }

}

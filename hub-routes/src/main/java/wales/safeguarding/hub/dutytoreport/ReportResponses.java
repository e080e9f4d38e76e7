package wales.safeguarding.hub.dutytoreport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.hub.tracking.StoredMessage;
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

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.REPORT_ACKNOWLEDGEMENT, MessageType.REPORT_OUTCOME);
    }

    /** The report-maker's agency, if the answer refers to a duty-to-report that reached the answering council. */
    @Override
    public Routing route(Envelope answer, CaseFacts facts) {
        Optional<StoredMessage> report = facts.answered(answer, MessageType.DUTY_TO_REPORT);
        return report.map(r -> Routing.to(List.of(r.sender())))
                .orElseGet(() -> Routing.refused(new Violation("/correlationId", "answers-a-duty-to-report-sent-to-you",
                        "must be the messageId of a duty-to-report sent to " + answer.sender())));
    }

    @Override
    public List<Effect> accepted(Envelope answer, Instant at, CaseFacts facts) {
        StoredMessage report = facts.answered(answer, MessageType.DUTY_TO_REPORT).orElseThrow();
        String council = answer.sender();
        String detail = answer.type().wireName() + " " + answer.messageId();
        List<Effect> effects = new ArrayList<>();
        // Either answer is a decision on next actions.
        effects.add(new Effect.MeetClock(report.messageId(), DutyToReportRules.NEXT_ACTIONS, council));
        if (answer.type() == MessageType.REPORT_ACKNOWLEDGEMENT) {
            effects.add(new Effect.Transition(report.messageId(), council, DeliveryState.ACKNOWLEDGED, detail));
            effects.add(new Effect.MeetClock(report.messageId(), ReportClock.ACKNOWLEDGEMENT.wireName(), council));
        } else {
            effects.add(new Effect.Transition(report.messageId(), council, DeliveryState.OUTCOME_GIVEN, detail));
            effects.add(new Effect.MeetClock(report.messageId(), ReportClock.ACKNOWLEDGEMENT.wireName(), council));
            effects.add(new Effect.MeetClock(report.messageId(), ReportClock.OUTCOME.wireName(), council));
        }
        return effects;
    }
}

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
import wales.safeguarding.schemas.dutytoreport.NextActionsDecision;
import wales.safeguarding.schemas.dutytoreport.ReportAcknowledgement;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Children's services answer a duty-to-report with a report-acknowledgement and a report-outcome. Each goes back to
 * the report-maker's agency, moves the council's delivery of the report on, and stops the clock it answers. An
 * outcome also counts as the acknowledgement if none came before it. A receipt is not a decision: the decision on
 * next actions is met by the outcome, or by an acknowledgement that records it ({@code nextActionsDecision}).
 */
@ApplicationScoped
public class ReportResponses implements FlowRules {

    private static final String DECIDED_AT = "/body/nextActionsDecision/decidedAt";
    private static final String DECISION_NOT_IN_FUTURE = "next-actions-decision-not-in-future";

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.REPORT_ACKNOWLEDGEMENT, MessageType.REPORT_OUTCOME);
    }

    /** The report-maker's agency, if the answer refers to a duty-to-report that reached the answering council. */
    @Override
    public Routing route(Envelope answer, CaseFacts facts) {
        Optional<StoredMessage> report = facts.answered(answer, MessageType.DUTY_TO_REPORT);
        Routing back = report.map(r -> Routing.to(List.of(r.sender())))
                .orElseGet(() -> Routing.refused(new Violation("/correlationId", "answers-a-duty-to-report-sent-to-you",
                        "must be the messageId of a duty-to-report sent to " + answer.sender())));
        return back.and(new Routing(List.of(), decisionViolations(answer)));
    }

    @Override
    public List<Effect> accepted(Envelope answer, Instant at, CaseFacts facts) {
        StoredMessage report = facts.answered(answer, MessageType.DUTY_TO_REPORT).orElseThrow();
        String council = answer.sender();
        String detail = answer.type().wireName() + " " + answer.messageId();
        List<Effect> effects = new ArrayList<>();
        if (answer.type() == MessageType.REPORT_ACKNOWLEDGEMENT) {
            Optional<NextActionsDecision> decision = decision(answer);
            effects.add(new Effect.Transition(report.messageId(), council, DeliveryState.ACKNOWLEDGED,
                    decision.map(d -> detail + ", next actions: " + d.decision()).orElse(detail)));
            effects.add(new Effect.MeetClock(report.messageId(), ReportClock.ACKNOWLEDGEMENT.wireName(), council));
            // A receipt is not a decision: only an acknowledgement that records one meets next actions.
            decision.ifPresent(d -> effects.add(DutyToReportRules.nextActionsDecided(report.messageId(), council)));
        } else {
            effects.add(new Effect.Transition(report.messageId(), council, DeliveryState.OUTCOME_GIVEN, detail));
            effects.add(new Effect.MeetClock(report.messageId(), ReportClock.ACKNOWLEDGEMENT.wireName(), council));
            effects.add(new Effect.MeetClock(report.messageId(), ReportClock.OUTCOME.wireName(), council));
            effects.add(DutyToReportRules.nextActionsDecided(report.messageId(), council));
        }
        return effects;
    }

    /** A decision is not made after the message that records it was made (the schema cannot compare the two). */
    private static List<Violation> decisionViolations(Envelope answer) {
        return decision(answer)
                .filter(d -> answer.createdAt() != null && d.decidedAt().isAfter(answer.createdAt()))
                .map(d -> List.of(new Violation(DECIDED_AT, DECISION_NOT_IN_FUTURE,
                        "must not be after the message's createdAt")))
                .orElse(List.of());
    }

    private static Optional<NextActionsDecision> decision(Envelope answer) {
        if (answer.type() != MessageType.REPORT_ACKNOWLEDGEMENT) {
            return Optional.empty();
        }
        return Optional.ofNullable(CanonicalJson.bodyAs(answer, ReportAcknowledgement.class).nextActionsDecision());
    }
}

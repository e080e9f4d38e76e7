package wales.safeguarding.hub.gp;

import static wales.safeguarding.hub.gp.FhirResponses.outcome;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import wales.safeguarding.adapters.gpfhir.GpPracticeMessage;
import wales.safeguarding.adapters.gpfhir.OperationOutcomes;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.intake.MessageIdKey;
import wales.safeguarding.hub.intake.MessageIntake;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.Envelope;

/**
 * A GP practice's own message over FHIR, already read into the canonical contract ({@link GpPracticeMessage}), taken
 * through the same intake as every message: the same validation, need-to-know, routing, clocks and tracking. The hub
 * sets what the practice cannot: the sender (the agency it authenticated as) and the message id, derived under the
 * hub's key from the practice, the type and the practice's MessageHeader id, so a resend is the same message and no
 * other agency can take the id first. A refusal names the FHIR element each canonical field came from.
 */
@ApplicationScoped
public class GpPracticeIntake {

    private static final String DEFAULT_SECURITY_LABEL = "OFFICIAL-SENSITIVE";

    private final MessageIntake intake;
    private final MessageIdKey key;
    private final Clock clock;

    public GpPracticeIntake(MessageIntake intake, MessageIdKey key, Clock clock) {
        this.intake = intake;
        this.key = key;
        this.clock = clock;
    }

    /** 202 with the recipients when taken, 200 when it is a resend, else the intake's refusal as an OperationOutcome. */
    Response submit(Agency practice, GpPracticeMessage message) {
        UUID messageId = key.idFor(practice.id(), message.type(), DerivedIds.GP_MESSAGE, practice.id(),
                message.type().wireName(), message.practiceMessageId());
        Envelope envelope = new Envelope(messageId, message.type(), Envelope.SCHEMA_VERSION, practice.id(),
                message.recipients(), message.caseReference(), message.childReference(), message.correlationId(),
                message.language(), message.securityLabel() == null ? DEFAULT_SECURITY_LABEL : message.securityLabel(),
                message.createdAt() == null ? clock.instant().atOffset(ZoneOffset.UTC) : message.createdAt(), null,
                message.body());
        try {
            Acceptance accepted = intake.submit(CanonicalJson.write(envelope), practice);
            return outcome(accepted.duplicate() ? 200 : 202, OperationOutcomes.accepted(
                    message.type().wireName() + " " + accepted.messageId() + " accepted for " + accepted.recipients()));
        } catch (ProblemException refused) {
            var problem = refused.problem();
            var issues = problem.violations().isEmpty()
                    ? java.util.List.of(new OperationOutcomes.Issue(null, problem.type(), problem.detail()))
                    : problem.violations().stream().map(v -> new OperationOutcomes.Issue(message.locate(v.pointer()),
                            v.rule(), v.pointer() + ": " + v.message())).toList();
            return outcome(problem.status(), OperationOutcomes.invalid(issues));
        }
    }

}

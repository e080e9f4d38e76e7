package wales.safeguarding.adapters.gpfhir;

import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What a GP system sent cannot become a canonical message. The hub answers the caller with
 * {@link #operationOutcome()} and {@link #httpStatus()}; the message names where and which rule, never a value.
 */
public class InboundRejectedException extends RuntimeException {

    private final transient OperationOutcome operationOutcome;
    private final int httpStatus;

    public InboundRejectedException(int httpStatus, OperationOutcome operationOutcome) {
        super(summary(operationOutcome));
        this.httpStatus = httpStatus;
        this.operationOutcome = operationOutcome;
    }

    public OperationOutcome operationOutcome() {
        return operationOutcome;
    }

    /** 400 when the body is not FHIR, 422 when it is FHIR the hub cannot take. */
    public int httpStatus() {
        return httpStatus;
    }

    private static String summary(OperationOutcome outcome) {
        var issue = outcome.getIssueFirstRep();
        String where = issue.getExpression().isEmpty() ? "" : issue.getExpression().get(0).getValue() + ": ";
        return where + issue.getDiagnostics();
    }
}

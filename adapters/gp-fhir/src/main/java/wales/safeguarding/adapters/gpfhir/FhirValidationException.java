package wales.safeguarding.adapters.gpfhir;

import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;

import wales.safeguarding.schemas.spi.UnsendableMessageException;

/**
 * A FHIR message the adapter built fails validation, so it is never sent. The message names locations and rules
 * (quoted values are left out); {@link #operationOutcome()} is the validator's full result, for an operator.
 */
public class FhirValidationException extends UnsendableMessageException {

    private final transient IBaseOperationOutcome operationOutcome;

    public FhirValidationException(String reason, IBaseOperationOutcome operationOutcome) {
        super(reason);
        this.operationOutcome = operationOutcome;
    }

    /** The validator's OperationOutcome. Its messages may quote values: do not log it or put it in an audit trail. */
    public IBaseOperationOutcome operationOutcome() {
        return operationOutcome;
    }
}

package wales.safeguarding.hub.gp;

import jakarta.ws.rs.core.Response;

import org.hl7.fhir.r4.model.OperationOutcome;

import wales.safeguarding.adapters.gpfhir.OperationOutcomes;

/** The FHIR endpoint's answers: an OperationOutcome as FHIR JSON with its HTTP status. */
final class FhirResponses {

    static final String FHIR_JSON = "application/fhir+json";

    private FhirResponses() {
    }

    static Response outcome(int status, OperationOutcome outcome) {
        return Response.status(status).type(FHIR_JSON).entity(OperationOutcomes.toJson(outcome)).build();
    }
}

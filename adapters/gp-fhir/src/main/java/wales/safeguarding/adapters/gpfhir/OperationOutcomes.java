package wales.safeguarding.adapters.gpfhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The OperationOutcomes the hub returns to a FHIR caller (a GP system) that sent something it cannot take. Each has
 * one error issue: {@code expression} (and the older {@code location}) say where, {@code details.text} names the
 * rule, {@code diagnostics} says it for people. None quotes the value that was sent.
 */
public final class OperationOutcomes {

    private OperationOutcomes() {
    }

    /** The content breaks a rule (HTTP 422, or 400 when it is not FHIR at all). */
    public static OperationOutcome invalid(String location, String rule) {
        return invalid(location, rule, rule);
    }

    public static OperationOutcome invalid(String location, String rule, String diagnostics) {
        return issue(IssueSeverity.ERROR, IssueType.INVALID, location, rule, diagnostics);
    }

    /** One issue of several: where, the rule, and what it says for people (never the value). */
    public record Issue(String location, String rule, String diagnostics) {
    }

    /** Several rules broken (HTTP 422): an error issue each. */
    public static OperationOutcome invalid(java.util.List<Issue> issues) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.setText(Narratives.of(issues.stream().map(i -> (i.location() != null ? i.location() + ": " : "")
                + i.diagnostics()).toList()));
        for (Issue i : issues) {
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR)
                    .setCode(IssueType.INVALID).setDetails(new CodeableConcept().setText(i.rule()))
                    .setDiagnostics(i.diagnostics());
            if (i.location() != null) {
                issue.addExpression(i.location());
                issue.addLocation(i.location());
            }
        }
        return outcome;
    }

    /** A required element is missing (HTTP 422). */
    public static OperationOutcome required(String location, String what) {
        return issue(IssueSeverity.ERROR, IssueType.REQUIRED, location, "required", what);
    }

    /** Well-formed, but not something the hub takes from a GP system (HTTP 422). */
    public static OperationOutcome notSupported(String location, String what) {
        return issue(IssueSeverity.ERROR, IssueType.NOTSUPPORTED, location, "not-supported", what);
    }

    /** The body is not FHIR JSON or XML the hub can read (HTTP 400). */
    public static OperationOutcome notFhir(String why) {
        return issue(IssueSeverity.FATAL, IssueType.STRUCTURE, null, "not-fhir", why);
    }

    /** The hub cannot take it now; the caller should try again (HTTP 503). */
    public static OperationOutcome transientError(String diagnostics) {
        return issue(IssueSeverity.ERROR, IssueType.TRANSIENT, null, "transient", diagnostics);
    }

    /** Taken (HTTP 200/201): an information issue, for callers that want a body. */
    public static OperationOutcome accepted(String diagnostics) {
        return issue(IssueSeverity.INFORMATION, IssueType.INFORMATIONAL, null, "accepted", diagnostics);
    }

    public static String toJson(OperationOutcome outcome) {
        return GpFhirContext.toJson(outcome);
    }

    private static OperationOutcome issue(IssueSeverity severity, IssueType type, String location, String rule,
            String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.setText(Narratives.of((location != null ? location + ": " : "") + diagnostics));
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(severity)
                .setCode(type)
                .setDetails(new CodeableConcept().setText(rule))
                .setDiagnostics(diagnostics);
        if (location != null) {
            issue.addExpression(location);
            issue.addLocation(location);
        }
        return outcome;
    }
}

package wales.safeguarding.adapters.gpfhir;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Validates what the adapter sends against base FHIR R4 (HAPI's instance validator: structure, cardinality,
 * invariants, required bindings) plus the hub's own rules ({@link GpRules}: NHS number on the flagged Patient, ODS
 * code on the practice). UK Core profiles are not claimed, since they cannot be loaded here.
 *
 * <p><b>Cost:</b> the validator is built once, lazily, on the first call, and shared (it is thread-safe). That
 * first validation loads the base R4 StructureDefinitions ({@link BaseDefinitions}; HAPI's other definitions, value
 * sets and code systems only when looked up) and takes seconds; later ones take milliseconds. A caller arriving
 * meanwhile waits for it. The first delivery to a GP practice after a start pays it, unless the hub calls
 * {@link #warmUp()} first.
 */
public final class GpFhirValidator {

    private static final int MAX_ISSUES_IN_SUMMARY = 10;
    private static final int MAX_MESSAGE_CHARS = 240;
    /** Validator messages can quote the value that failed; a value may be a child's personal data. */
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** A coding as the validator writes it: {@code system::code}. */
    private static final Pattern CODED = Pattern.compile("\\S+::\\S+");
    /** HAPI's {@code /*Type/id*}{@code /} note inside a location. */
    private static final Pattern LOCATION_COMMENT = Pattern.compile("/\\*[^*]*\\*/");

    private GpFhirValidator() {
    }

    private static final class Holder {
        static final FhirValidator VALIDATOR = build();
    }

    private static FhirValidator build() {
        var context = GpFhirContext.get();
        ValidationSupportChain chain = new ValidationSupportChain(
                new BaseDefinitions(context),
                new QuestionnaireSupport(context),
                new EverythingElse(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(instanceValidator);
        validator.registerValidatorModule(new GpRules());
        return validator;
    }

    /**
     * HAPI's definitions, value sets and code systems, loaded on the first look-up that {@link BaseDefinitions}
     * does not answer; never asked for all of its StructureDefinitions at once (the base ones are all the validator
     * needs that way).
     */
    private static final class EverythingElse extends DefaultProfileValidationSupport {

        EverythingElse(ca.uhn.fhir.context.FhirContext context) {
            super(context);
        }

        @Override
        public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
            return List.of();
        }
    }

    /** The hub's questionnaires ({@link Questionnaires}), for the validator to check a practice's answers against. */
    private static final class QuestionnaireSupport extends org.hl7.fhir.common.hapi.validation.support.BaseValidationSupport {

        QuestionnaireSupport(ca.uhn.fhir.context.FhirContext context) {
            super(context);
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            if (type != null && !type.isAssignableFrom(org.hl7.fhir.r4.model.Questionnaire.class)) {
                return null;
            }
            return Questionnaires.typeOf(url).flatMap(Questionnaires::of).map(q -> type == null ? (T) q : type.cast(q))
                    .orElse(null);
        }

        @Override
        public String getName() {
            return "hub-questionnaires";
        }
    }

    /** Builds the validator and runs one validation, so the first real message does not wait for it. */
    public static void warmUp() {
        validate(new org.hl7.fhir.r4.model.Bundle().setType(org.hl7.fhir.r4.model.Bundle.BundleType.COLLECTION));
    }

    /** Every issue, warnings and information included. */
    public static ValidationResult validate(IBaseResource resource) {
        return Holder.VALIDATOR.validateWithResult(resource);
    }

    /** The error and fatal issues only. */
    public static List<SingleValidationMessage> errors(ValidationResult result) {
        return result.getMessages().stream().filter(GpFhirValidator::isError).collect(Collectors.toList());
    }

    /**
     * Validates and throws when there is any error-level issue.
     *
     * @throws FhirValidationException naming each failing location and rule (never the values)
     */
    public static void requireValid(IBaseResource resource) {
        ValidationResult result = validate(resource);
        List<SingleValidationMessage> errors = errors(result);
        if (!errors.isEmpty()) {
            throw new FhirValidationException(summary(errors), result.toOperationOutcome());
        }
    }

    /**
     * Validates what a GP system sent, before anything is read from it.
     *
     * @throws InboundRejectedException (422) with an OperationOutcome of the error issues: where (FHIRPath), the rule
     *                                  (the validator's message id), and the message with any quoted value removed
     */
    public static void requireValidInbound(IBaseResource resource) {
        List<SingleValidationMessage> errors = errors(validate(resource));
        if (!errors.isEmpty()) {
            throw new InboundRejectedException(422, OperationOutcomes.invalid(errors.stream()
                    .map(m -> new OperationOutcomes.Issue(LOCATION_COMMENT.matcher(m.getLocationString()).replaceAll(""),
                            m.getMessageId() == null ? "fhir-r4" : m.getMessageId(), redactAnswer(m.getMessage())))
                    .distinct().limit(MAX_ISSUES_IN_SUMMARY).toList()));
        }
    }

    /**
     * {@link #redact}, and a coded answer ({@code system::code}) too; but a linkId of the hub's questionnaires is
     * kept: it names the question, which is the contract's, not the practice's data.
     */
    static String redactAnswer(String message) {
        if (message == null) {
            return "";
        }
        String codesRedacted = CODED.matcher(message).replaceAll("…");
        java.util.regex.Matcher quoted = QUOTED.matcher(codesRedacted);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String inside = quoted.group().substring(1, quoted.group().length() - 1);
            quoted.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    Questionnaires.isLinkId(inside) ? "'" + inside + "'" : "'…'"));
        }
        quoted.appendTail(out);
        String redacted = out.toString();
        return redacted.length() > MAX_MESSAGE_CHARS ? redacted.substring(0, MAX_MESSAGE_CHARS) + "…" : redacted;
    }

    /** One line per issue: {@code <location>: <message>}, quoted values replaced by an ellipsis. */
    static String summary(List<SingleValidationMessage> errors) {
        String issues = errors.stream().limit(MAX_ISSUES_IN_SUMMARY)
                .map(m -> m.getLocationString() + ": " + redact(m.getMessage()))
                .collect(Collectors.joining("; "));
        String more = errors.size() > MAX_ISSUES_IN_SUMMARY
                ? "; and " + (errors.size() - MAX_ISSUES_IN_SUMMARY) + " more" : "";
        return "the FHIR message fails validation (" + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + "): " + issues + more;
    }

    static String redact(String message) {
        if (message == null) {
            return "";
        }
        String redacted = QUOTED.matcher(message).replaceAll("'…'");
        return redacted.length() > MAX_MESSAGE_CHARS ? redacted.substring(0, MAX_MESSAGE_CHARS) + "…" : redacted;
    }

    private static boolean isError(SingleValidationMessage m) {
        return m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL;
    }
}

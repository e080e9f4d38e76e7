package wales.safeguarding.adapters.gpfhir;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import wales.safeguarding.schemas.validation.NhsNumber;

/**
 * The hub's own rules for the messages sent to GP systems, on top of base R4. They stand in for the parts of UK Core
 * that matter here (its profiles cannot be loaded): a GP system files a register flag by the child's NHS number, and
 * knows a practice by its ODS code. Each rule has an id ({@code hub-...}), used as the message id of its issues.
 */
final class GpRules implements IValidatorModule {

    static final String MESSAGE_HEADER_FIRST = "hub-message-header";
    static final String FLAG_PATIENT = "hub-flag-patient";
    static final String NHS_NUMBER = "hub-nhs-number";
    static final String FLAG_CODE = "hub-flag-code";
    static final String ODS_CODE = "hub-ods-code";

    /** A GP practice ODS code: a letter and five digits (the same rule as the canonical {@code gpPractice}). */
    private static final Pattern PRACTICE_ODS = Pattern.compile("[A-Z][0-9]{5}");

    @Override
    public void validateResource(IValidationContext<IBaseResource> context) {
        if (!(context.getResource() instanceof Bundle bundle) || bundle.getType() != Bundle.BundleType.MESSAGE) {
            return;
        }
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        if (entries.isEmpty() || !(entries.get(0).getResource() instanceof MessageHeader header)
                || !FhirSystems.MESSAGE_EVENT.equals(header.getEventCoding().getSystem())) {
            error(context, "Bundle.entry[0]", MESSAGE_HEADER_FIRST,
                    "the first entry must be a MessageHeader whose eventCoding is a hub message type ("
                            + FhirSystems.MESSAGE_EVENT + ")");
        }
        for (int i = 0; i < entries.size(); i++) {
            Resource resource = entries.get(i).getResource();
            if (resource instanceof Flag flag) {
                checkFlag(context, bundle, i, flag);
            } else if (resource instanceof Organization organization) {
                checkOrganization(context, i, organization);
            } else if (resource instanceof Patient patient) {
                checkNhsNumbers(context, i, patient);
            }
        }
    }

    private static void checkFlag(IValidationContext<IBaseResource> context, Bundle bundle, int index, Flag flag) {
        boolean coded = flag.getCode().getCoding().stream().anyMatch(GpRules::isChildProtectionPlan);
        if (!coded) {
            error(context, location(index, flag, "code"), FLAG_CODE,
                    "the register flag must be coded SNOMED CT " + FhirSystems.CHILD_PROTECTION_PLAN + " |"
                            + FhirSystems.CHILD_PROTECTION_PLAN_DISPLAY + "|");
        }
        Optional<Integer> patientIndex = resolve(bundle, flag.getSubject());
        if (patientIndex.isEmpty() || !(bundle.getEntry().get(patientIndex.get()).getResource() instanceof Patient patient)) {
            error(context, location(index, flag, "subject"), FLAG_PATIENT,
                    "the register flag's subject must be a Patient in this Bundle");
            return;
        }
        List<Identifier> nhsNumbers = patient.getIdentifier().stream()
                .filter(id -> FhirSystems.NHS_NUMBER.equals(id.getSystem())).toList();
        if (nhsNumbers.isEmpty()) {
            error(context, location(patientIndex.get(), patient, "identifier"), NHS_NUMBER,
                    "the flagged Patient has no NHS number (" + FhirSystems.NHS_NUMBER + ")");
        }
    }

    /** Every NHS number of a Patient, sent or received: ten digits with a valid modulus 11 check digit. */
    private static void checkNhsNumbers(IValidationContext<IBaseResource> context, int index, Patient patient) {
        for (Identifier id : patient.getIdentifier()) {
            if (FhirSystems.NHS_NUMBER.equals(id.getSystem()) && !NhsNumber.isValid(id.getValue())) {
                error(context, location(index, patient, "identifier"), NHS_NUMBER,
                        "the Patient's NHS number is not ten digits with a valid modulus 11 check digit");
            }
        }
    }

    private static void checkOrganization(IValidationContext<IBaseResource> context, int index, Organization org) {
        List<Identifier> ods = org.getIdentifier().stream()
                .filter(id -> FhirSystems.ODS_CODE.equals(id.getSystem())).toList();
        if (ods.isEmpty()) {
            error(context, location(index, org, "identifier"), ODS_CODE,
                    "the practice Organization has no ODS code (" + FhirSystems.ODS_CODE + ")");
        }
        for (Identifier id : ods) {
            if (id.getValue() == null || !PRACTICE_ODS.matcher(id.getValue()).matches()) {
                error(context, location(index, org, "identifier"), ODS_CODE,
                        "the practice's ODS code is not a letter and five digits");
            }
        }
    }

    private static boolean isChildProtectionPlan(Coding c) {
        return FhirSystems.SNOMED_CT.equals(c.getSystem()) && FhirSystems.CHILD_PROTECTION_PLAN.equals(c.getCode());
    }

    /** The index of the entry a reference points at: by fullUrl, or by {@code Type/id}. */
    static Optional<Integer> resolve(Bundle bundle, Reference reference) {
        String ref = reference == null ? null : reference.getReference();
        if (ref == null) {
            return Optional.empty();
        }
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            Bundle.BundleEntryComponent entry = entries.get(i);
            Resource r = entry.getResource();
            if (ref.equals(entry.getFullUrl())
                    || (r != null && r.getIdElement().hasIdPart()
                            && ref.equals(r.fhirType() + "/" + r.getIdElement().getIdPart()))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** HAPI's own location format, so our issues read like the validator's. */
    private static String location(int index, Resource r, String path) {
        return "Bundle.entry[" + index + "].resource/*" + r.fhirType() + "/" + r.getIdElement().getIdPart() + "*/." + path;
    }

    private static void error(IValidationContext<IBaseResource> context, String location, String rule, String text) {
        SingleValidationMessage m = new SingleValidationMessage();
        m.setSeverity(ResultSeverityEnum.ERROR);
        m.setLocationString(location);
        m.setMessageId(rule);
        m.setMessage(rule + ": " + text);
        context.addValidationMessage(m);
    }
}

package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.spi.UnsendableMessageException;

/** Base R4 plus the hub's rules, on what the adapter sends (the first test here pays the ~8 s build). */
class GpFhirValidatorTest {

    private final GpOutboundMapper mapper = new GpOutboundMapper(Examples.CLOCK);
    private final GpFhirAdapter adapter = new GpFhirAdapter(Examples.CLOCK);

    @ParameterizedTest
    @ValueSource(strings = {"/examples/valid/conference-invitation.json", "/examples/valid/outline-plan.json",
            "/examples/valid/conference-minutes.json", "/examples/valid/register-change.json",
            "/canonical/register-change-removed.json", "/examples/valid/section-47-determination.json",
            "/examples/valid/conference-cancellation.json"})
    void should_find_no_error_and_no_warning_but_the_security_label_in_any_outgoing_bundle(String example) {
        ValidationResult result = GpFhirValidator.validate(bundle(Examples.resource(example)));

        assertThat(GpFhirValidator.errors(result)).isEmpty();
        // the hub's security label is not in HL7's value set (an extensible binding): the only warning, on purpose
        List<SingleValidationMessage> warnings = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING).toList();
        assertThat(warnings).extracting(SingleValidationMessage::getLocationString).containsExactly("Bundle.meta.security[0]");
    }

    @Test
    void should_refuse_a_flag_without_code_naming_its_location() {
        Bundle bundle = bundle(Examples.valid("register-change"));
        GpFhirAdapterTest.only(bundle, Flag.class).setCode(null);

        assertThatThrownBy(() -> GpFhirValidator.requireValid(bundle))
                .isInstanceOf(UnsendableMessageException.class)
                .hasMessageStartingWith("the FHIR message fails validation (")
                .hasMessageContaining("Bundle.entry[1].resource/*Flag/")
                .hasMessageContaining("Flag.code: minimum required = 1")
                .hasMessageContaining("hub-flag-code");
    }

    @Test
    void should_refuse_a_flagged_patient_without_an_nhs_number_naming_the_patient_and_not_the_child() {
        Bundle bundle = bundle(Examples.valid("register-change"));
        GpFhirAdapterTest.only(bundle, Patient.class).getIdentifier().clear();

        assertThatThrownBy(() -> GpFhirValidator.requireValid(bundle))
                .isInstanceOf(FhirValidationException.class)
                .hasMessageContaining("resource/*Patient/")
                .hasMessageContaining(".identifier: hub-nhs-number: the flagged Patient has no NHS number")
                .hasMessageNotContaining("Alys");
    }

    @Test
    void should_refuse_an_nhs_number_with_a_wrong_check_digit() {
        Bundle bundle = bundle(Examples.valid("register-change"));
        GpFhirAdapterTest.only(bundle, Patient.class).getIdentifierFirstRep().setValue("9990000019");

        assertThatThrownBy(() -> GpFhirValidator.requireValid(bundle))
                .hasMessageContaining("hub-nhs-number: the Patient's NHS number is not ten digits")
                .hasMessageNotContaining("9990000019");
    }

    @Test
    void should_refuse_a_practice_organization_without_an_ods_code() {
        Bundle bundle = bundle(Examples.valid("conference-invitation"));
        GpFhirAdapterTest.only(bundle, Organization.class).getIdentifier()
                .removeIf(id -> FhirSystems.ODS_CODE.equals(id.getSystem()));

        assertThatThrownBy(() -> GpFhirValidator.requireValid(bundle))
                .hasMessageContaining("resource/*Organization/")
                .hasMessageContaining("hub-ods-code: the practice Organization has no ODS code");
    }

    @Test
    void should_refuse_a_bundle_whose_first_entry_is_not_the_message_header() {
        Bundle bundle = bundle(Examples.valid("outline-plan"));
        bundle.getEntry().add(bundle.getEntry().remove(0));

        assertThatThrownBy(() -> GpFhirValidator.requireValid(bundle)).hasMessageContaining("hub-message-header");
    }

    @Test
    void should_hand_the_validators_operation_outcome_to_the_hub_with_the_refusal() {
        Bundle bundle = bundle(Examples.valid("register-change"));
        GpFhirAdapterTest.only(bundle, Flag.class).setCode(null);

        FhirValidationException refused = catchThrowableOfType(FhirValidationException.class,
                () -> GpFhirValidator.requireValid(bundle));

        OperationOutcome outcome = (OperationOutcome) refused.operationOutcome();
        assertThat(outcome.getIssue()).anyMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
    }

    @Test
    void should_leave_quoted_values_out_of_a_validator_message() {
        assertThat(GpFhirValidator.redact("The value 'Alys Enghraifft' is not \"valid\" here"))
                .isEqualTo("The value '…' is not '…' here");
    }

    @Test
    void should_find_no_error_in_the_operation_outcomes_the_hub_returns() {
        assertThat(GpFhirValidator.errors(GpFhirValidator.validate(
                OperationOutcomes.invalid("Task.status", "task-completed", "only a completed Task returns a report"))))
                .isEmpty();
    }

    private Bundle bundle(byte[] canonical) {
        try {
            return mapper.toBundle(CanonicalJson.read(canonical), Examples.GP);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

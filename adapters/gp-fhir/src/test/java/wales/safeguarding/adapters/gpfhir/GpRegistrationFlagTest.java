package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A sibling group at one practice (issue 10 defect 1): each child's register entry is its own Flag, so removing one
 * child from the register ends that child's Flag and no other.
 */
class GpRegistrationFlagTest {

    private final GpFhirAdapter adapter = new GpFhirAdapter(Examples.CLOCK);

    private String registration(byte[] canonical) {
        Bundle bundle = adapter.toValidBundle(canonical, Examples.GP);
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Flag.class::isInstance).map(Flag.class::cast).findFirst().orElseThrow()
                .getIdentifierFirstRep().getValue();
    }

    @Test
    @DisplayName("issue 10 defect 1: two siblings at one practice have two register Flags, by case and child")
    void should_name_each_childs_flag_by_case_and_child() {
        String alys = registration(Examples.valid("register-change"));
        String osian = registration(Examples.changed("register-change", m -> Examples.body(m).with("child")
                .put("name", "Osian Enghraifft").put("dateOfBirth", "2019-02-03").put("nhsNumber", "9990000034")));
        String byReference = registration(Examples.changed("register-change", m -> Examples.body(m).with("child")
                .put("childReference", "CCS-CHILD-0002")));

        assertThat(alys).isEqualTo("CCS-2025-004512/9990000018");
        assertThat(osian).isEqualTo("CCS-2025-004512/9990000034");
        assertThat(byReference).isEqualTo("CCS-2025-004512/CCS-CHILD-0002");
    }

    @Test
    @DisplayName("issue 10 defect 4: the removal of a child ends the Flag their addition raised (the same identifier)")
    void should_end_the_flag_the_addition_raised() {
        String added = registration(Examples.valid("register-change"));
        String removed = registration(Examples.changed("register-change", m -> Examples.body(m).put("change", "removed")
                .put("eligibleNeeds", "Needs met by a care and support plan.")
                .put("contingencyPlan", "The school rings the social worker after two days' absence.")
                .remove("categoriesOfHarm")));

        assertThat(removed).isEqualTo(added);
    }
}

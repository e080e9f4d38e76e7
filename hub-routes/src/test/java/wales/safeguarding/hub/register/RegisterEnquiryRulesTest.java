package wales.safeguarding.hub.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.register.RegisterEnquiryRules.Contact;
import wales.safeguarding.hub.register.RegisterEnquiryRules.Enquiry;
import wales.safeguarding.hub.register.RegisterEnquiryRules.Registration;
import wales.safeguarding.hub.rules.ChildFingerprints;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.Violation;

class RegisterEnquiryRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-05");
    private static final String NHS = "9990000018";
    private static final String ONE = "test-only-child-key-number-one-never-in-production";
    private static final String TWO = "test-only-child-key-number-two-never-in-production";

    private static List<String> rules(Enquiry enquiry, AgencyKind kind) {
        return RegisterEnquiryRules.check(enquiry, kind, TODAY).stream()
                .map(v -> v.pointer() + " " + v.rule()).toList();
    }

    @Test
    void only_gp_practices_health_boards_schools_education_providers_and_police_may_ask() {
        // issue 15 item 3: "schools and the other education providers" (PRU, EOTAS, youth justice, youth support)
        for (AgencyKind kind : List.of(AgencyKind.GP_PRACTICE, AgencyKind.HEALTH_BOARD, AgencyKind.SCHOOL,
                AgencyKind.EDUCATION_SERVICE, AgencyKind.PUPIL_REFERRAL_UNIT, AgencyKind.EOTAS_PROVIDER,
                AgencyKind.YOUTH_JUSTICE, AgencyKind.YOUTH_SUPPORT, AgencyKind.POLICE)) {
            assertThat(RegisterEnquiryRules.mayAsk(kind)).as(kind.wireName()).isTrue();
        }
        for (AgencyKind kind : List.of(AgencyKind.COUNCIL, AgencyKind.SAFEGUARDING_BOARD, AgencyKind.HEALTH_VISITING,
                AgencyKind.SCHOOL_NURSING)) {
            assertThat(RegisterEnquiryRules.mayAsk(kind)).as(kind.wireName()).isFalse();
        }
        assertThat(RegisterEnquiryRules.mayAsk(null)).isFalse();
    }

    @Test
    void only_unscheduled_care_tells_the_council() {
        assertThat(RegisterEnquiryRules.tellsCouncil(AgencyKind.HEALTH_BOARD)).isTrue();
        assertThat(RegisterEnquiryRules.tellsCouncil(AgencyKind.GP_PRACTICE)).isFalse();
        assertThat(RegisterEnquiryRules.tellsCouncil(AgencyKind.POLICE)).isFalse();
        assertThat(RegisterEnquiryRules.tellsCouncil(AgencyKind.SCHOOL)).isFalse();
    }

    @Test
    void an_enquiry_by_nhs_number_with_a_reason_can_be_asked() {
        assertThat(rules(new Enquiry(NHS, null, null, null, "seen in clinic"), AgencyKind.GP_PRACTICE)).isEmpty();
        assertThat(rules(new Enquiry("999 000 0018", null, null, null, "seen"), AgencyKind.POLICE)).isEmpty();
    }

    @Test
    void an_enquiry_without_a_reason_is_refused_naming_the_reason() {
        assertThat(rules(new Enquiry(NHS, null, null, null, null), AgencyKind.POLICE)).containsExactly(
                "/reason reason-required");
        assertThat(rules(new Enquiry(NHS, null, null, null, "  "), AgencyKind.POLICE)).containsExactly(
                "/reason reason-required");
        assertThat(rules(new Enquiry(NHS, null, null, null, "x".repeat(2001)), AgencyKind.POLICE)).containsExactly(
                "/reason reason-length");
    }

    @Test
    void an_nhs_number_must_be_ten_digits_with_its_check_digit() {
        assertThat(rules(new Enquiry("12345", null, null, null, "r"), AgencyKind.SCHOOL)).containsExactly(
                "/nhsNumber nhs-number-format");
        assertThat(rules(new Enquiry("9990000017", null, null, null, "r"), AgencyKind.SCHOOL)).containsExactly(
                "/nhsNumber " + Violation.NHS_NUMBER_CHECK_DIGIT);
    }

    @Test
    void without_an_nhs_number_the_name_date_of_birth_and_local_authority_are_needed() {
        assertThat(rules(new Enquiry(null, "Alys Enghraifft", "2016-04-12", "W06000010", "r"), AgencyKind.SCHOOL))
                .isEmpty();
        assertThat(rules(new Enquiry(null, null, null, null, "r"), AgencyKind.SCHOOL)).containsExactly(
                "/localAuthority nhs-number-or-name-date-of-birth-and-local-authority",
                "/name nhs-number-or-name-date-of-birth-and-local-authority",
                "/dateOfBirth nhs-number-or-name-date-of-birth-and-local-authority");
        assertThat(rules(new Enquiry(null, "Alys", "2016-04-12", "E06000001", "r"), AgencyKind.SCHOOL))
                .containsExactly("/localAuthority local-authority-code");
        assertThat(rules(new Enquiry(null, "Alys", "12/04/2016", "W06000010", "r"), AgencyKind.SCHOOL))
                .containsExactly("/dateOfBirth date-format");
        assertThat(rules(new Enquiry(null, "Alys", "2026-12-06", "W06000010", "r"), AgencyKind.SCHOOL))
                .containsExactly("/dateOfBirth date-of-birth-not-in-future");
    }

    @Test
    void unscheduled_care_names_the_child_even_when_it_asks_by_nhs_number() {
        assertThat(rules(new Enquiry(NHS, null, null, null, "attended A&E"), AgencyKind.HEALTH_BOARD))
                .containsExactly("/name unscheduled-care-names-the-child",
                        "/dateOfBirth unscheduled-care-names-the-child");
        assertThat(rules(new Enquiry(NHS, "Alys Enghraifft", "2016-04-12", null, "attended A&E"),
                AgencyKind.HEALTH_BOARD)).isEmpty();
    }

    @Test
    void the_answer_is_the_earliest_registration_found() {
        assertThat(RegisterEnquiryRules.answering(List.of())).isEmpty();
        assertThat(RegisterEnquiryRules.answering(List.of(
                new Registration("cardiff-childrens-services", LocalDate.parse("2025-07-01")),
                new Registration("carmarthenshire-childrens-services", LocalDate.parse("2025-06-24")))))
                .contains(new Registration("carmarthenshire-childrens-services", LocalDate.parse("2025-06-24")));
    }

    @Test
    void the_answer_says_nothing_but_whether_since_when_and_whom_to_call() throws Exception {
        var council = new RegisterEnquiryRules.Council("carmarthenshire-childrens-services", "Carmarthenshire",
                new Contact("senior-safeguarding-manager", "Ceri", "ceri@example.org"));
        JsonNode yes = CanonicalJson.mapper().valueToTree(new RegisterEnquiryRules.Answer(true,
                LocalDate.parse("2025-06-24"), council));
        assertThat(yes.fieldNames()).toIterable().containsExactly("onRegister", "since", "council");
        assertThat(yes.get("since").asText()).isEqualTo("2025-06-24");
        JsonNode no = CanonicalJson.mapper().valueToTree(RegisterEnquiryRules.Answer.NOT_ON_REGISTER);
        assertThat(no.fieldNames()).toIterable().containsExactly("onRegister");
    }

    @Test
    void the_contact_is_the_senior_safeguarding_manager_else_the_first() {
        Contact lead = new Contact("designated-safeguarding-person", "A", "a@example.org");
        Contact manager = new Contact("senior-safeguarding-manager", "B", "b@example.org");
        assertThat(RegisterEnquiryRules.contact(List.of(lead, manager))).contains(manager);
        assertThat(RegisterEnquiryRules.contact(List.of(lead))).contains(lead);
        assertThat(RegisterEnquiryRules.contact(List.of())).isEmpty();
    }

    @Test
    void the_council_is_told_in_its_language_and_both_when_unknown_without_the_childs_identifiers() {
        LocalDate on = LocalDate.parse("2026-12-05");
        LocalDate since = LocalDate.parse("2025-06-24");
        String en = RegisterEnquiryRules.noticeSummary(LanguagePreference.EN, "Ysbyty (hb)", on, "attended A&E", since);
        assertThat(en).startsWith("Register enquiry from unscheduled care").contains("attended A&E", "2025-06-24")
                .doesNotContain("cofrestr");
        String cy = RegisterEnquiryRules.noticeSummary(LanguagePreference.CY, "Ysbyty (hb)", on, "r", since);
        assertThat(cy).startsWith("Ymholiad").doesNotContain("Register enquiry");
        String both = RegisterEnquiryRules.noticeSummary(LanguagePreference.UNKNOWN, "Ysbyty (hb)", on, "r", since);
        assertThat(both.indexOf("Ymholiad")).isLessThan(both.indexOf("Register enquiry"));
    }

    @Test
    void an_nhs_number_is_kept_only_as_a_keyed_hash_recognised_after_a_rotation() {
        ChildFingerprints one = ChildFingerprints.of("one", Map.of("one", ONE));
        ChildFingerprints rotated = ChildFingerprints.of("two", Map.of("one", ONE, "two", TWO));
        String stored = one.nhsNumber(NHS);
        assertThat(stored).startsWith("nn1-one-").doesNotContain(NHS).hasSize("nn1-one-".length() + 32);
        assertThat(one.nhsNumber("999 000 0018")).isEqualTo(stored);
        assertThat(ChildFingerprints.of("one", Map.of("one", TWO)).nhsNumber(NHS)).isNotEqualTo(stored);
        assertThat(rotated.nhsNumber(NHS)).startsWith("nn1-two-");
        assertThat(rotated.nhsNumberForms(NHS)).contains(stored).first().isEqualTo(rotated.nhsNumber(NHS));
        // not the name-and-date-of-birth fingerprint's purpose: the two cannot be confused
        assertThat(one.nhsNumber(NHS).substring(8)).isNotEqualTo(one.of(NHS, LocalDate.parse("2016-04-12"))
                .substring(8));
    }
}

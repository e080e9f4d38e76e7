package wales.safeguarding.hub.schooltransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.SchoolTransfer;
import wales.safeguarding.schemas.childprotection.TransferSchool;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.Violation;

class TransferPartiesTest {

    private static final String COUNCIL = "carmarthenshire-childrens-services";
    private static final String OLD = "school-6699001";
    private static final String NEW = "school-6699002";
    private static final String EDUCATION = "carmarthenshire-education-service";
    private static final String PRU = "carmarthenshire-pupil-referral-unit";
    private static final String YOUTH_JUSTICE = "carmarthenshire-youth-justice";
    /** A school in Cardiff's area (the directory gives its local authority) and Cardiff's education service. */
    private static final String CARDIFF_SCHOOL = "school-6819001";
    private static final String CARDIFF_EDUCATION = "cardiff-education-service";

    private static Agency agency(String id, AgencyKind kind, String la, String schoolNumber, boolean receives) {
        return new Agency(id, kind, Map.of("en", id), la, null, schoolNumber, null, null,
                receives ? new Agency.Endpoint("http://127.0.0.1/" + id, "rest-json") : null, LanguagePreference.UNKNOWN,
                List.of(), List.of());
    }

    private static Directory directory(boolean withEducationService) {
        List<Agency> agencies = new java.util.ArrayList<>(List.of(
                agency(COUNCIL, AgencyKind.COUNCIL, "W06000010", null, true),
                agency("cardiff-childrens-services", AgencyKind.COUNCIL, "W06000015", null, true),
                agency("dyfed-powys-police", AgencyKind.POLICE, null, null, true),
                agency(OLD, AgencyKind.SCHOOL, null, "6699001", true),
                agency(NEW, AgencyKind.SCHOOL, null, "6699002", true),
                agency("school-6699003", AgencyKind.SCHOOL, null, "6699003", false),
                agency(PRU, AgencyKind.PUPIL_REFERRAL_UNIT, "W06000010", "6691100", true),
                agency(YOUTH_JUSTICE, AgencyKind.YOUTH_JUSTICE, "W06000010", null, true),
                agency(CARDIFF_SCHOOL, AgencyKind.SCHOOL, "W06000015", "6819001", true),
                agency("school-6819002", AgencyKind.SCHOOL, "W06000015", "6819002", true),
                agency("school-6609001", AgencyKind.SCHOOL, "W06000001", "6609001", true)));
        agencies.add(agency(CARDIFF_EDUCATION, AgencyKind.EDUCATION_SERVICE, "W06000015", null, true));
        if (withEducationService) {
            agencies.add(agency(EDUCATION, AgencyKind.EDUCATION_SERVICE, "W06000010", null, true));
        }
        return new Directory(agencies);
    }

    private final TransferParties parties = new TransferParties(directory(true));

    private static SchoolTransfer transfer(TransferSchool from, TransferSchool to) {
        ChildRef child = new ChildRef("Alys Enghraifft", LocalDate.parse("2016-04-12"), null, "W06000010", null, null);
        return new SchoolTransfer(child, from, to, LocalDate.parse("2025-09-08"), null);
    }

    private static TransferSchool byNumber(String number) {
        return new TransferSchool(null, number, null);
    }

    private static TransferSchool byId(String id) {
        return new TransferSchool(id, null, null);
    }

    private static Optional<ChildRecord> childAt(String school) {
        return Optional.of(new ChildRecord("", null, school, null, true, false));
    }

    private static Optional<CaseRecord> caseAt(String school) {
        return Optional.of(new CaseRecord("CCS-1", COUNCIL, List.of(childAt(school).orElseThrow())));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("issue 15 item 3: a child moving to a pupil referral unit takes their file there")
    void should_take_a_pupil_referral_unit_as_the_new_school_by_id_or_number_but_not_a_youth_justice_service() {
        TransferParties.Resolution byId = parties.resolve(COUNCIL, transfer(byId(OLD), byId(PRU)), caseAt(OLD),
                childAt(OLD));
        TransferParties.Resolution byNumber = parties.resolve(COUNCIL, transfer(byId(OLD), byNumber("6691100")),
                caseAt(OLD), childAt(OLD));
        TransferParties.Resolution notASchool = parties.resolve(COUNCIL, transfer(byId(OLD), byId(YOUTH_JUSTICE)),
                caseAt(OLD), childAt(OLD));

        assertThat(byId.violations()).isEmpty();
        assertThat(byId.newSchool()).map(Agency::id).hasValue(PRU);
        assertThat(byNumber.newSchool()).map(Agency::id).hasValue(PRU);
        assertThat(notASchool.violations()).extracting(Violation::rule).contains("known-school");
    }

    @Test
    void should_send_to_the_new_school_the_old_school_and_the_education_service() {
        TransferParties.Resolution r = parties.resolve(COUNCIL, transfer(byId(OLD), byNumber("6699002")), caseAt(OLD), childAt(OLD));

        assertThat(r.violations()).isEmpty();
        assertThat(r.notes()).isEmpty();
        assertThat(r.recipients()).containsExactly(NEW, OLD, EDUCATION);
    }

    @Test
    void should_refuse_an_old_school_that_is_not_the_one_the_case_record_gives() {
        TransferParties.Resolution r = parties.resolve(COUNCIL, transfer(byId(NEW), byId(OLD)), caseAt(OLD), childAt(OLD));

        assertThat(r.violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/oldSchool", "current-school-of-case"));
    }

    @Test
    void should_refuse_a_transfer_to_the_school_the_child_already_attends() {
        TransferParties.Resolution r = parties.resolve(COUNCIL, transfer(byId(OLD), byNumber("6699001")), caseAt(OLD), childAt(OLD));

        assertThat(r.violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/newSchool", "another-school"));
    }

    @Test
    void should_refuse_a_new_school_the_directory_does_not_know_or_that_is_not_a_school() {
        assertThat(parties.resolve(COUNCIL, transfer(byId(OLD), byNumber("6690000")), caseAt(OLD), childAt(OLD)).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/newSchool/schoolNumber", "known-school"));
        assertThat(parties.resolve(COUNCIL, transfer(byId(OLD), byId("dyfed-powys-police")), caseAt(OLD), childAt(OLD)).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/newSchool/agencyId", "known-school"));
        assertThat(parties.resolve(COUNCIL, transfer(byId(OLD), byId("school-6699003")), caseAt(OLD), childAt(OLD)).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/newSchool", "school-receives"));
    }

    @Test
    void should_refuse_an_agency_id_and_school_number_that_name_different_schools() {
        TransferSchool mixed = new TransferSchool(NEW, "6699001", null);

        assertThat(parties.resolve(COUNCIL, transfer(byId(OLD), mixed), caseAt(OLD), childAt(OLD)).violations())
                .extracting(Violation::pointer, Violation::rule).containsExactly(tuple("/body/newSchool", "same-school"));
    }

    @Test
    void should_refuse_a_council_that_is_not_the_childs_when_the_hub_has_no_case_record() {
        TransferParties.Resolution r = parties.resolve("cardiff-childrens-services", transfer(byId(OLD), byId(NEW)),
                Optional.empty(), Optional.empty());

        assertThat(r.violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/child/localAuthority", "council-of-child"));
    }

    @Test
    void should_note_an_old_school_outside_the_hub_and_a_missing_education_service() {
        TransferParties withoutEducation = new TransferParties(directory(false));

        TransferParties.Resolution r = withoutEducation.resolve(COUNCIL, transfer(byNumber("6600099"), byId(NEW)),
                Optional.empty(), Optional.empty());

        assertThat(r.violations()).isEmpty();
        assertThat(r.recipients()).containsExactly(NEW);
        assertThat(r.notes()).extracting(ComplianceNote::code)
                .containsExactly("old-school-not-connected", "education-service-unknown");
        assertThat(r.notes()).allSatisfy(n -> assertThat(n.cy()).isNotBlank());
    }

    @Test
    void should_know_the_new_school_of_a_transfer_body_by_agency_id_or_school_number() {
        Directory directory = directory(true);
        var body = CanonicalJson.mapper().valueToTree(transfer(byId(OLD), byNumber("6699002")));

        assertThat(parties.isNewSchool(directory.find(NEW).orElseThrow(), body)).isTrue();
        assertThat(parties.isNewSchool(directory.find(OLD).orElseThrow(), body)).isFalse();
        assertThat(parties.isNewSchool(directory.find(EDUCATION).orElseThrow(), body)).isFalse();
    }

    @Test
    void should_tell_the_education_services_of_both_councils_when_the_child_moves_to_a_school_across_the_border() {
        TransferParties.Resolution r = parties.resolve(COUNCIL, transfer(byId(OLD), byNumber("6819001")), caseAt(OLD),
                childAt(OLD));

        assertThat(r.violations()).isEmpty();
        assertThat(r.recipients()).containsExactly(CARDIFF_SCHOOL, OLD, CARDIFF_EDUCATION, EDUCATION);
        assertThat(r.newSchoolsEducationService()).map(Agency::id).contains(CARDIFF_EDUCATION);
        assertThat(r.oldSchoolsEducationService()).map(Agency::id).contains(EDUCATION);
        assertThat(r.notes()).extracting(ComplianceNote::code).containsExactly("school-in-another-area");
        assertThat(r.notes().get(0).en()).contains("W06000015", "W06000010", "case-transfer");
        assertThat(r.notes().get(0).cy()).contains("W06000015", "W06000010");
    }

    @Test
    void should_take_the_old_schools_area_from_the_directory_when_the_child_leaves_a_school_across_the_border() {
        // a Carmarthenshire child at a Cardiff school comes back to a school in Carmarthenshire
        TransferParties.Resolution r = parties.resolve(COUNCIL, transfer(byId(CARDIFF_SCHOOL), byId(NEW)),
                caseAt(CARDIFF_SCHOOL), childAt(CARDIFF_SCHOOL));

        assertThat(r.recipients()).containsExactly(NEW, CARDIFF_SCHOOL, EDUCATION, CARDIFF_EDUCATION);
        assertThat(r.newSchoolsEducationService()).map(Agency::id).contains(EDUCATION);
        assertThat(r.oldSchoolsEducationService()).map(Agency::id).contains(CARDIFF_EDUCATION);
    }

    @Test
    void should_tell_one_education_service_when_both_schools_are_in_one_other_area() {
        TransferParties.Resolution r = parties.resolve(COUNCIL, transfer(byId(CARDIFF_SCHOOL), byId("school-6819002")),
                caseAt(CARDIFF_SCHOOL), childAt(CARDIFF_SCHOOL));

        assertThat(r.recipients()).containsExactly("school-6819002", CARDIFF_SCHOOL, CARDIFF_EDUCATION);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void should_note_the_area_whose_education_service_the_directory_lacks_and_still_tell_the_other() {
        TransferParties.Resolution r = parties.resolve(COUNCIL, transfer(byId(OLD), byId("school-6609001")),
                caseAt(OLD), childAt(OLD));

        assertThat(r.recipients()).containsExactly("school-6609001", OLD, EDUCATION);
        assertThat(r.notes()).extracting(ComplianceNote::code)
                .containsExactly("education-service-unknown", "school-in-another-area");
        assertThat(r.notes().get(0).en()).contains("W06000001");
    }
}

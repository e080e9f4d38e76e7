package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.adapters.gpfhir.GpFhirAdapterTest.only;

import java.nio.charset.StandardCharsets;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Flag;
import org.junit.jupiter.api.Test;

import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.spi.AgencyEndpoint;

/**
 * The text the hub writes itself follows the practice's language: Welsh, English, or Welsh then English where the
 * preference is unknown; the council's own text passes through untranslated. Every Bundle here is validated.
 */
class GpFhirLanguageTest {

    private static final String PLAN_CY = "Cynllun amlinellol y gynhadledd amddiffyn plant CCS-ICPC-2025-0042 a gynhaliwyd "
            + "ddydd Mawrth 24 Mehefin 2025";
    private static final String PLAN_EN = "Outline plan of the child protection conference CCS-ICPC-2025-0042 held on "
            + "Tuesday 24 June 2025";
    private static final String COUNCILS_PLAN = "Alys will have breakfast at school every day";
    private static final String ADDED_CY = "Mae Alys Enghraifft ar y gofrestr amddiffyn plant o ddydd Mawrth "
            + "24 Mehefin 2025. Categorïau niwed: esgeulustod, cam-drin emosiynol.";
    private static final String ADDED_EN = "Alys Enghraifft is on the child protection register from Tuesday 24 June 2025 "
            + "under: neglect, emotional abuse.";
    private static final String UPDATE_CY = "Hysbysiad gan yr hwb diogelu: diweddariad i'r cynllun amddiffyn plant\n"
            + "Achos CCS-2025-004512, gan carmarthenshire-childrens-services, anfonwyd: Dydd Gwener 4 Gorffennaf 2025 am "
            + "11:00 (UTC+01:00).\n"
            + "Mae'r neges lawn ynghlwm (JSON canonaidd, schemas.safeguarding.wales).";
    private static final String UPDATE_EN = "Safeguarding hub notice: update to the child protection plan\n"
            + "Case CCS-2025-004512, from carmarthenshire-childrens-services, sent Friday 4 July 2025 at 11:00 (UTC+01:00).\n"
            + "The full message is attached (canonical JSON, schemas.safeguarding.wales).";

    private final GpFhirAdapter adapter = new GpFhirAdapter(Examples.CLOCK);

    @Test
    void should_write_the_outline_plan_frame_in_welsh_only_for_a_welsh_practice() {
        DocumentReference doc = only(bundle("outline-plan", LanguagePreference.CY), DocumentReference.class);

        assertThat(doc.getDescription()).isEqualTo(PLAN_CY);
        assertThat(doc.getType().getText()).isEqualTo("Cynllun amlinellol cynhadledd amddiffyn plant");
        assertThat(doc.getType().getCodingFirstRep().getDisplay()).isEqualTo("Outline plan of a child protection conference");
        Attachment attachment = doc.getContentFirstRep().getAttachment();
        assertThat(attachment.getTitle()).isEqualTo("Cynllun amlinellol, cynhadledd CCS-ICPC-2025-0042");
        assertThat(text(attachment)).startsWith(PLAN_CY + "\nAchos CCS-2025-004512, gan carmarthenshire-childrens-services\n")
                .contains("Penderfyniadau:", "Categorïau niwed: esgeulustod, cam-drin emosiynol.",
                        "Y gynhadledd nesaf: Dydd Mawrth 23 Medi 2025", COUNCILS_PLAN)
                .doesNotContain("Outline plan", "Decisions:", "Next conference");
        assertThat(doc.getText().getDivAsString()).contains("<p>" + PLAN_CY + "</p>").doesNotContain(PLAN_EN);
    }

    @Test
    void should_write_the_outline_plan_frame_in_english_only_for_an_english_practice() {
        DocumentReference doc = only(bundle("outline-plan", LanguagePreference.EN), DocumentReference.class);

        assertThat(doc.getDescription()).isEqualTo(PLAN_EN);
        assertThat(doc.getContentFirstRep().getAttachment().getTitle()).isEqualTo("Outline plan, conference CCS-ICPC-2025-0042");
        assertThat(text(doc.getContentFirstRep().getAttachment())).startsWith(PLAN_EN + "\n").contains(COUNCILS_PLAN)
                .doesNotContain("Cynllun", "Penderfyniadau");
        assertThat(doc.getText().getDivAsString()).doesNotContain("Cynllun");
    }

    @Test
    void should_write_the_outline_plan_in_welsh_then_english_when_the_practice_language_is_unknown() {
        DocumentReference doc = only(bundle("outline-plan", LanguagePreference.UNKNOWN), DocumentReference.class);

        assertThat(doc.getDescription()).isEqualTo(PLAN_CY + " / " + PLAN_EN);
        assertThat(doc.getContentFirstRep().getAttachment().getTitle())
                .isEqualTo("Cynllun amlinellol, cynhadledd CCS-ICPC-2025-0042 / Outline plan, conference CCS-ICPC-2025-0042");
        String text = text(doc.getContentFirstRep().getAttachment());
        assertThat(text).startsWith(PLAN_CY + "\n").contains("\n\n" + PLAN_EN + "\n");
        assertThat(text.indexOf("Penderfyniadau:")).isLessThan(text.indexOf("Decisions:"));
        // the council's plan once per language, untranslated
        assertThat(text.split(COUNCILS_PLAN, -1)).hasSize(3);
        String div = doc.getText().getDivAsString();
        assertThat(div.indexOf(PLAN_CY)).isGreaterThan(0).isLessThan(div.indexOf(PLAN_EN));
    }

    @Test
    void should_tell_the_practice_of_the_health_assessment_action_it_owns_in_the_outline_plan_in_both_languages() {
        DocumentReference en = only(bundle("outline-plan-health-assessment", LanguagePreference.EN),
                DocumentReference.class);
        assertThat(text(en.getContentFirstRep().getAttachment())).contains("Health assessment an action for gp-z99001 "
                + "to complete by the end of Tuesday 15 July 2025; send a health-assessment when it is done.");
        DocumentReference cy = only(bundle("outline-plan-health-assessment", LanguagePreference.CY),
                DocumentReference.class);
        assertThat(text(cy.getContentFirstRep().getAttachment())).contains("Asesiad iechyd cam gweithredu i gp-z99001")
                .doesNotContain("Health assessment");
    }

    @Test
    void should_write_the_register_flag_and_notice_in_welsh_only_for_a_welsh_practice() {
        Bundle bundle = bundle("register-change", LanguagePreference.CY);
        Flag flag = only(bundle, Flag.class);

        assertThat(flag.getCode().getText()).isEqualTo("Cynllun amddiffyn plant");
        assertThat(flag.getCode().getCodingFirstRep().getDisplay()).as("SNOMED CT's display").isEqualTo("Child protection plan");
        assertThat(flag.getText().getDivAsString()).contains("<p>" + Narratives.escape(ADDED_CY) + "</p>")
                .doesNotContain("register from");
        Communication notice = only(bundle, Communication.class);
        assertThat(notice.getCategoryFirstRep().getText()).isEqualTo("Newid i'r gofrestr amddiffyn plant");
        assertThat(notice.getPayloadFirstRep().getContentStringType().getValue()).isEqualTo(ADDED_CY
                + "\nPlentyn: Alys Enghraifft, ganwyd 12 Ebrill 2016, rhif GIG 999 000 0018"
                + "\nAchos CCS-2025-004512, gan carmarthenshire-childrens-services");
    }

    @Test
    void should_write_the_register_flag_in_english_only_for_an_english_practice() {
        Bundle bundle = bundle("register-change", LanguagePreference.EN);
        Flag flag = only(bundle, Flag.class);

        assertThat(flag.getCode().getText()).isEqualTo("Child protection plan");
        assertThat(flag.getText().getDivAsString()).contains("<p>" + ADDED_EN + "</p>").doesNotContain("gofrestr");
        assertThat(only(bundle, Communication.class).getPayloadFirstRep().getContentStringType().getValue())
                .startsWith(ADDED_EN + "\nChild: ").doesNotContain("Plentyn");
    }

    @Test
    void should_write_the_register_flag_in_welsh_then_english_when_the_practice_language_is_unknown() {
        Bundle bundle = bundle("register-change", LanguagePreference.UNKNOWN);
        Flag flag = only(bundle, Flag.class);

        assertThat(flag.getCode().getText()).isEqualTo("Cynllun amddiffyn plant / Child protection plan");
        assertThat(flag.getText().getDivAsString()).contains(
                "<p>" + Narratives.escape(ADDED_CY) + "</p><p>" + ADDED_EN + "</p>");
        assertThat(only(bundle, Communication.class).getPayloadFirstRep().getContentStringType().getValue())
                .startsWith(ADDED_CY + "\n").contains("\n\n" + ADDED_EN + "\n");
    }

    @Test
    void should_write_the_removal_notice_headings_in_welsh_and_pass_the_councils_text_through() {
        AgencyEndpoint gp = gp(LanguagePreference.CY);
        Bundle bundle = adapter.toValidBundle(Examples.resource("/canonical/register-change-removed.json"), gp);

        assertThat(only(bundle, Flag.class).getText().getDivAsString())
                .contains("Tynnwyd Alys Enghraifft oddi ar y gofrestr amddiffyn plant ddydd Iau 15 Ionawr 2026.");
        assertThat(only(bundle, Communication.class).getPayloadFirstRep().getContentStringType().getValue())
                .contains("\nAnghenion cymwys:\n", "\nCynllun wrth gefn:\n")
                .doesNotContain("Eligible needs", "Contingency plan");
    }

    @Test
    void should_describe_the_minutes_in_the_practices_language() {
        assertThat(only(bundle("conference-minutes", LanguagePreference.CY), DocumentReference.class).getDescription())
                .isEqualTo("Cofnodion y gynhadledd amddiffyn plant CCS-ICPC-2025-0042 (nid terfynol: gall cywiriadau ddilyn)");
        DocumentReference both = only(bundle("conference-minutes", LanguagePreference.UNKNOWN), DocumentReference.class);
        assertThat(both.getDescription()).isEqualTo("Cofnodion y gynhadledd amddiffyn plant CCS-ICPC-2025-0042 (nid terfynol: "
                + "gall cywiriadau ddilyn) / Minutes of the child protection conference CCS-ICPC-2025-0042 (not final: "
                + "corrections may follow)");
        assertThat(both.getContentFirstRep().getAttachment().getTitle()).as("the council's title, untranslated")
                .isEqualTo("Record of the initial child protection conference, 24 June 2025");
    }

    @Test
    void should_head_a_plan_update_with_a_welsh_notice_for_a_welsh_practice_and_keep_the_body_in_the_attachment() {
        Communication communication = only(bundle("plan-update", LanguagePreference.CY), Communication.class);

        assertThat(communication.getPayload().get(0).getContentStringType().getValue()).isEqualTo(UPDATE_CY);
        Attachment json = communication.getPayload().get(1).getContentAttachment();
        assertThat(json.getContentType()).isEqualTo("application/json");
        assertThat(json.getTitle()).isEqualTo("plan-update (JSON canonaidd, schemas.safeguarding.wales)");
        assertThat(text(json)).contains("breakfast club");
        assertThat(communication.getText().getDivAsString()).contains(
                "<p>Hysbysiad gan yr hwb diogelu: diweddariad i'r cynllun amddiffyn plant</p>");
    }

    @Test
    void should_head_a_plan_update_with_an_english_notice_for_an_english_practice() {
        Communication communication = only(bundle("plan-update", LanguagePreference.EN), Communication.class);

        assertThat(communication.getPayload().get(0).getContentStringType().getValue()).isEqualTo(UPDATE_EN);
        assertThat(communication.getPayload().get(1).getContentAttachment().getTitle())
                .isEqualTo("plan-update (canonical JSON, schemas.safeguarding.wales)");
        assertThat(communication.getText().getDivAsString()).doesNotContain("Hysbysiad");
    }

    @Test
    void should_head_a_plan_update_with_the_welsh_then_the_english_notice_when_the_practice_language_is_unknown() {
        Communication communication = only(bundle("plan-update", LanguagePreference.UNKNOWN), Communication.class);

        String notice = communication.getPayload().get(0).getContentStringType().getValue();
        assertThat(notice).isEqualTo(UPDATE_CY + "\n\n" + UPDATE_EN);
        // what arrived, not what it says: no child, no body
        assertThat(notice).doesNotContain("Alys", "breakfast", "CCS-CSPP-2025-0042");
        assertThat(communication.getPayload().get(1).getContentAttachment().getTitle()).isEqualTo(
                "plan-update (JSON canonaidd, schemas.safeguarding.wales) / plan-update (canonical JSON, schemas.safeguarding.wales)");
    }

    @Test
    void should_say_who_sent_a_message_without_a_case_at_the_start_of_the_notice_line() {
        Communication communication = only(bundle("escalation", LanguagePreference.UNKNOWN), Communication.class);

        assertThat(communication.getPayload().get(0).getContentStringType().getValue())
                .startsWith("Hysbysiad gan yr hwb diogelu: nodyn atgoffa neu uwchgyfeirio am gam sy'n hwyr\nGan ")
                .contains("\n\nSafeguarding hub notice: reminder or escalation about an overdue step\nFrom ")
                .doesNotContain("Achos", "Case ");
    }

    private Bundle bundle(String type, LanguagePreference language) {
        return adapter.toValidBundle(Examples.valid(type), gp(language));
    }

    private static AgencyEndpoint gp(LanguagePreference language) {
        return new AgencyEndpoint(Examples.GP.agencyId(), Examples.GP.url(), Examples.GP.transport(),
                Examples.GP.secrets(), language);
    }

    private static String text(Attachment attachment) {
        return new String(attachment.getData(), StandardCharsets.UTF_8);
    }
}

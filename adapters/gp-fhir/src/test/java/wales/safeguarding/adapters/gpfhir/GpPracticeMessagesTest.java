package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.CanonicalValidator;

/**
 * Issue 14 item 6: a GP practice sends a duty-to-report, a health alert, a strategy contribution, a completed health
 * assessment and an acknowledgement (with its contribution) as FHIR messages. Each worked example of the contract
 * ({@code src/main/resources/gp-fhir/examples/<name>.fhir.json}) passes HAPI's validation (base R4, the hub's
 * questionnaire, the hub's rules) and reads back into exactly the canonical message beside it, which is valid.
 * Run with {@code -Dgolden.update=true} to rewrite the examples after a deliberate change, then review the diff.
 */
class GpPracticeMessagesTest {

    private static final String PRACTICE = "gp-z99001";
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path EXAMPLES = Path.of("src/main/resources/gp-fhir/examples");

    @ParameterizedTest
    @ValueSource(strings = {"duty-to-report", "health-alert", "strategy-contribution", "health-assessment",
            "acknowledgement-of-safety-plan"})
    void should_read_each_worked_example_into_its_canonical_message_after_hapi_validation(String name) throws Exception {
        ObjectNode expected = fromPractice(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(EXAMPLES);
            Bundle bundle = PracticeMessageBundles.of(expected, "Z99001-" + name.toUpperCase(java.util.Locale.ROOT) + "-0001");
            Files.writeString(EXAMPLES.resolve(name + ".fhir.json"),
                    PRETTY.writeValueAsString(PRETTY.readTree(GpFhirContext.toJson(bundle))) + "\n");
            Files.writeString(EXAMPLES.resolve(name + ".canonical.json"), PRETTY.writeValueAsString(expected) + "\n");
        }
        assertThat(PRETTY.readTree(Examples.text("/gp-fhir/examples/" + name + ".canonical.json")))
                .as("the worked example's canonical message is the contract's example, sent by the practice")
                .isEqualTo(expected);

        Bundle bundle = (Bundle) GpFhirContext.parse(Examples.text("/gp-fhir/examples/" + name + ".fhir.json"));
        GpFhirValidator.requireValidInbound(bundle);
        GpPracticeMessage read = GpPracticeMessages.read(bundle, PRACTICE);

        ObjectNode canonical = canonical(read, expected.get("messageId").asText());
        assertThat(canonical).isEqualTo(expected);
        assertThat(CanonicalValidator.fromClasspath().validate(canonical)).isEmpty();
    }

    /**
     * The contract's invalid examples ({@code gp-fhir/examples/invalid/}): each refused with 422 and the first issue
     * of {@code expected-issues.json} (its rule and where), never quoting a value of the message.
     */
    @ParameterizedTest
    @ValueSource(strings = {"duty-to-report-without-description", "duty-to-report-with-an-unknown-category",
            "duty-to-report-with-a-text-for-immediate-risk", "health-alert-with-a-bad-nhs-number",
            "health-assessment-answering-another-questionnaire", "strategy-contribution-with-a-child-not-in-the-bundle",
            "a-register-change-from-a-practice"})
    void should_refuse_each_invalid_example_with_its_expected_issue(String name) throws Exception {
        Bundle bundle = (Bundle) GpFhirContext.parse(Examples.text("/gp-fhir/examples/invalid/" + name + ".fhir.json"));
        InboundRejectedException refused = org.junit.jupiter.api.Assertions.assertThrows(InboundRejectedException.class,
                () -> {
                    GpFhirValidator.requireValidInbound(bundle);
                    GpPracticeMessages.read(bundle, PRACTICE);
                });
        OperationOutcome.OperationOutcomeIssueComponent first = refused.operationOutcome().getIssueFirstRep();
        ObjectNode actual = CanonicalJson.mapper().createObjectNode().put("rule", first.getDetails().getText())
                .put("expression", first.getExpression().get(0).getValue());
        Path expectedFile = EXAMPLES.resolve("invalid/expected-issues.json");
        if (Boolean.getBoolean("golden.update")) {
            ObjectNode all = Files.exists(expectedFile) ? (ObjectNode) PRETTY.readTree(expectedFile.toFile())
                    : PRETTY.createObjectNode();
            all.set(name, actual);
            Files.writeString(expectedFile, PRETTY.writeValueAsString(all) + "\n");
        }
        assertThat(refused.httpStatus()).isEqualTo(422);
        assertThat(actual).isEqualTo(PRETTY.readTree(Examples.text("/gp-fhir/examples/invalid/expected-issues.json")).get(name));
        assertThat(GpFhirContext.toJson(refused.operationOutcome())).doesNotContain("Alys").doesNotContain("9990000017")
                .doesNotContain("bullying").doesNotContain("2016-04-12");
    }

    @Test
    void should_ask_every_field_of_each_contract_and_name_the_questionnaire_of_each_type() {
        assertThat(Questionnaires.all()).hasSize(5);
        var dutyToReport = Questionnaires.of(MessageType.DUTY_TO_REPORT).orElseThrow();
        assertThat(dutyToReport.getItem()).extracting(i -> i.getLinkId()).containsExactly("caseReference",
                "childReference", "correlationId", "reporter", "children", "householdMembers", "categoriesOfConcern",
                "description", "immediateRisk", "originalReport");
        // the reporter's agency is never asked: it is the practice that authenticated
        assertThat(dutyToReport.getItem().get(3).getItem()).extracting(i -> i.getLinkId())
                .containsExactly("reporter.name", "reporter.role", "reporter.contact", "reporter.languagePreference");
        assertThat(dutyToReport.getItem().get(6).getAnswerOption()).extracting(o -> o.getValueCoding().getCode())
                .containsExactly("physical-abuse", "emotional-abuse", "sexual-abuse", "neglect", "financial-abuse");
        assertThat(Questionnaires.typeOf(FhirSystems.QUESTIONNAIRE + "health-alert|1.0")).contains(MessageType.HEALTH_ALERT);
        assertThat(Questionnaires.typeOf(FhirSystems.QUESTIONNAIRE + "register-change")).isEmpty();
        assertThat(Questionnaires.of(MessageType.REGISTER_CHANGE)).isEmpty();
    }

    @Test
    void should_refuse_through_hapi_a_missing_required_answer_naming_the_item() {
        Bundle bundle = example("duty-to-report", qr -> qr.getItem().removeIf(i -> i.getLinkId().equals("description")));

        OperationOutcome outcome = refusedByValidation(bundle);
        assertThat(issues(outcome)).anySatisfy(i -> assertThat(i).contains("description"));
    }

    @Test
    void should_refuse_through_hapi_a_code_that_is_not_one_of_the_contract() {
        Bundle bundle = example("duty-to-report", qr -> item(qr, "categoriesOfConcern").getAnswerFirstRep()
                .getValueCoding().setCode("bullying"));

        OperationOutcome outcome = refusedByValidation(bundle);
        assertThat(outcome.getIssue()).anySatisfy(i -> assertThat(i.getExpression().toString()).contains("item[3]"));
        assertThat(issues(outcome)).noneSatisfy(i -> assertThat(i).contains("bullying"));
    }

    @Test
    void should_refuse_through_the_hubs_rules_a_child_whose_nhs_number_fails_its_check_digit_without_quoting_it() {
        Bundle bundle = example("health-alert", qr -> { });
        patient(bundle).getIdentifier().stream().filter(i -> FhirSystems.NHS_NUMBER.equals(i.getSystem()))
                .forEach(i -> i.setValue("9990000017"));

        OperationOutcome outcome = refusedByValidation(bundle);
        assertThat(outcome.getIssue()).anySatisfy(i -> {
            assertThat(i.getDetails().getText()).isEqualTo(GpRules.NHS_NUMBER);
            assertThat(i.getExpression().toString()).contains("resource.identifier");
        });
        assertThat(GpFhirContext.toJson(outcome)).doesNotContain("9990000017").doesNotContain("Alys");
    }

    @Test
    void should_refuse_a_wrong_answer_type_naming_the_answer_not_the_value() {
        Bundle bundle = example("duty-to-report", qr -> item(qr, "immediateRisk").getAnswerFirstRep()
                .setValue(new StringType("no, she is safe")));

        assertThatThrownBy(() -> {
            GpFhirValidator.requireValidInbound(bundle);
            GpPracticeMessages.read(bundle, PRACTICE);
        }).isInstanceOfSatisfying(InboundRejectedException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(422);
            assertThat(GpFhirContext.toJson(e.operationOutcome())).contains("item[5]").doesNotContain("she is safe");
        });
    }

    @Test
    void should_refuse_a_child_answer_that_is_not_a_patient_in_the_bundle() {
        Bundle bundle = example("strategy-contribution", qr -> { });
        read(bundle, "children", qr -> item(qr, "children").getAnswerFirstRep().getValueReference().setResource(null)
                .setReference("urn:uuid:00000000-0000-4000-8000-000000000000"), "patient-in-bundle");
    }

    @Test
    void should_refuse_a_questionnaire_response_answering_another_types_questionnaire() {
        Bundle bundle = example("health-assessment", qr -> { });
        read(bundle, "questionnaire", qr -> qr.setQuestionnaire(Questionnaires.url(MessageType.HEALTH_ALERT)),
                "questionnaire-of-type");
    }

    @Test
    void should_set_the_reporters_agency_to_the_practice_that_authenticated() {
        Bundle bundle = example("duty-to-report", qr -> { });

        GpPracticeMessage read = GpPracticeMessages.read(bundle, "gp-w99999");

        assertThat(read.body().at("/reporter/agencyId").asText()).isEqualTo("gp-w99999");
    }

    @Test
    void should_locate_each_canonical_field_in_the_fhir_it_came_from() {
        GpPracticeMessage read = GpPracticeMessages.read(example("duty-to-report", qr -> { }), PRACTICE);

        assertThat(read.locate("/body/description")).isEqualTo("Bundle.entry[1].resource.item[4].answer[0]");
        assertThat(read.locate("/body/children/0/dateOfBirth")).matches("Bundle\\.entry\\[\\d+\\]\\.resource\\.birthDate");
        assertThat(read.locate("/body/children/0/nhsNumber")).endsWith(".identifier");
        assertThat(read.locate("/body/reporter/contact/email")).startsWith("Bundle.entry[1].resource.item[0].item[");
        assertThat(read.locate("/caseReference")).isEqualTo("Bundle.entry[1].resource");
    }

    @Test
    void should_tell_a_practice_message_from_a_response_and_a_report_task() {
        assertThat(GpPracticeMessages.isPracticeMessage(example("health-alert", qr -> { }))).isTrue();
        assertThat(GpPracticeMessages.isPracticeMessage(
                GpFhirContext.parse(Examples.text("/golden/inbound/response-ok.fhir.json")))).isFalse();
        assertThat(GpPracticeMessages.isPracticeMessage(
                GpFhirContext.parse(Examples.text("/golden/inbound/report-in-bundle.fhir.json")))).isFalse();
    }

    // ---- helpers

    /** The contract's valid example of a type, as the practice gp-z99001 sends it. */
    static ObjectNode fromPractice(String name) throws IOException {
        ObjectNode message = (ObjectNode) CanonicalJson.mapper().readTree(Examples.valid(name));
        message.put("sender", PRACTICE);
        ObjectNode body = (ObjectNode) message.get("body");
        ObjectNode gp = CanonicalJson.mapper().createObjectNode().put("name", "Dr Eleri Enghraifft")
                .put("role", "General practitioner");
        switch (name) {
            case "duty-to-report" -> {
                message.remove("childReference");
                ObjectNode reporter = gp.deepCopy().put("agencyId", PRACTICE);
                reporter.putObject("contact").put("phone", "01632 960555");
                reporter.put("languagePreference", "cy");
                body.set("reporter", reporter);
                ((ObjectNode) body.get("originalReport")).put("means", "written");
            }
            case "strategy-contribution" -> body.set("contributedBy", gp);
            case "acknowledgement-of-safety-plan" -> body.set("acknowledgedBy", gp);
            default -> { }
        }
        return message;
    }

    private static ObjectNode canonical(GpPracticeMessage read, String messageId) {
        ObjectNode m = CanonicalJson.mapper().createObjectNode();
        m.put("messageId", messageId);
        m.put("type", read.type().wireName());
        m.put("schemaVersion", "1.0");
        m.put("sender", PRACTICE);
        ArrayNode recipients = m.putArray("recipients");
        read.recipients().forEach(recipients::add);
        if (read.caseReference() != null) {
            m.put("caseReference", read.caseReference());
        }
        if (read.childReference() != null) {
            m.put("childReference", read.childReference());
        }
        if (read.correlationId() != null) {
            m.put("correlationId", read.correlationId().toString());
        }
        m.put("language", read.language().code());
        m.put("securityLabel", read.securityLabel());
        m.put("createdAt", read.createdAt().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        m.set("body", read.body());
        return m;
    }

    private static Bundle example(String name, Consumer<QuestionnaireResponse> change) {
        Bundle bundle = (Bundle) GpFhirContext.parse(Examples.text("/gp-fhir/examples/" + name + ".fhir.json"));
        change.accept(questionnaireResponse(bundle));
        return bundle;
    }

    private static QuestionnaireResponse questionnaireResponse(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(QuestionnaireResponse.class::isInstance).map(QuestionnaireResponse.class::cast).findFirst()
                .orElseThrow();
    }

    private static Patient patient(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
                .map(Patient.class::cast).findFirst().orElseThrow();
    }

    private static QuestionnaireResponse.QuestionnaireResponseItemComponent item(QuestionnaireResponse qr, String linkId) {
        return qr.getItem().stream().filter(i -> i.getLinkId().equals(linkId)).findFirst().orElseThrow();
    }

    private static OperationOutcome refusedByValidation(Bundle bundle) {
        try {
            GpFhirValidator.requireValidInbound(bundle);
        } catch (InboundRejectedException e) {
            assertThat(e.httpStatus()).isEqualTo(422);
            return e.operationOutcome();
        }
        throw new AssertionError("HAPI's validation accepted it");
    }

    private static List<String> issues(OperationOutcome outcome) {
        return outcome.getIssue().stream().map(i -> i.getExpression() + " " + i.getDiagnostics()).toList();
    }

    private static void read(Bundle bundle, String where, Consumer<QuestionnaireResponse> change, String rule) {
        change.accept(questionnaireResponse(bundle));
        assertThatThrownBy(() -> GpPracticeMessages.read(bundle, PRACTICE))
                .isInstanceOfSatisfying(InboundRejectedException.class, e -> {
                    OperationOutcome.OperationOutcomeIssueComponent issue = e.operationOutcome().getIssueFirstRep();
                    assertThat(issue.getDetails().getText()).isEqualTo(rule);
                    assertThat(issue.getExpression().toString()).contains(where.equals("children") ? "item[" : where);
                });
    }
}

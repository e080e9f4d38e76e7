package wales.safeguarding.adapters.gpfhir;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import wales.safeguarding.schemas.envelope.MessageType;

/**
 * Builds, as a GP system would, the FHIR message for a canonical message: the answers to the hub's published
 * questionnaire for the type, each child as a Patient. It is written from the questionnaire and the README's
 * contract, not from the hub's mapper, so reading its Bundle back ({@link GpPracticeMessages}) and getting the
 * canonical body again tests the mapper. It makes the worked examples under {@code src/main/resources/gp-fhir/}.
 */
final class PracticeMessageBundles {

    static final String PRACTICE_FHIR_BASE = "https://fhir.z99001.example.invalid/R4";

    private PracticeMessageBundles() {
    }

    static Bundle of(JsonNode message, String practiceMessageId) {
        MessageType type = MessageType.ofWireName(message.get("type").asText());
        Questionnaire questionnaire = Questionnaires.of(type).orElseThrow();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.MESSAGE);
        bundle.setIdentifier(new Identifier().setSystem("https://fhir.z99001.example.invalid/Id/message")
                .setValue(practiceMessageId));
        bundle.setTimestampElement(new InstantType(message.get("createdAt").asText()));
        bundle.getMeta().addSecurity(FhirSystems.SECURITY_LABEL, message.get("securityLabel").asText(), null);

        MessageHeader header = new MessageHeader();
        // HAPI reads an entry's id from its fullUrl: the two are the same uuid
        String headerId = uuid(practiceMessageId, "header");
        header.setId(headerId);
        header.setEvent(new Coding(FhirSystems.MESSAGE_EVENT, type.wireName(), null));
        header.getSource().setName("Demo Surgery clinical system").setEndpoint(PRACTICE_FHIR_BASE);
        message.path("recipients").forEach(r -> header.addDestination().setName(r.asText())
                .setEndpoint(GpOutboundMapper.HUB_ENDPOINT));
        bundle.addEntry().setFullUrl("urn:uuid:" + headerId).setResource(header);

        QuestionnaireResponse qr = new QuestionnaireResponse();
        String qrId = uuid(practiceMessageId, "answers");
        qr.setId(qrId);
        qr.setQuestionnaire(questionnaire.getUrl());
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.setLanguage(message.get("language").asText());
        qr.setAuthoredElement(new DateTimeType(message.get("createdAt").asText()));
        bundle.addEntry().setFullUrl("urn:uuid:" + qrId).setResource(qr);
        header.addFocus(new Reference("urn:uuid:" + qrId));

        for (String envelopeItem : List.of("caseReference", "childReference", "correlationId")) {
            if (message.hasNonNull(envelopeItem)) {
                qr.addItem().setLinkId(envelopeItem).addAnswer().setValue(new StringType(message.get(envelopeItem).asText()));
            }
        }
        List<Patient> children = new ArrayList<>();
        qr.getItem().addAll(items(questionnaire.getItem(), message.get("body"), bundle, children));
        if (children.size() == 1) {
            qr.setSubject(new Reference("urn:uuid:" + children.get(0).getIdPart()));
        }
        return bundle;
    }

    private static List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items(
            List<Questionnaire.QuestionnaireItemComponent> asked, JsonNode object, Bundle bundle, List<Patient> children) {
        List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items = new ArrayList<>();
        for (Questionnaire.QuestionnaireItemComponent question : asked) {
            String linkId = question.getLinkId();
            JsonNode value = object.get(linkId.substring(linkId.lastIndexOf('.') + 1));
            if (value == null || value.isNull()) {
                continue;
            }
            List<JsonNode> values = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(values::add);
            } else {
                values.add(value);
            }
            if (question.getType() == Questionnaire.QuestionnaireItemType.GROUP) {
                for (JsonNode group : values) {
                    var item = new QuestionnaireResponse.QuestionnaireResponseItemComponent().setLinkId(linkId);
                    item.getItem().addAll(items(question.getItem(), group, bundle, children));
                    items.add(item);
                }
                continue;
            }
            var item = new QuestionnaireResponse.QuestionnaireResponseItemComponent().setLinkId(linkId);
            if (value.isArray() && values.isEmpty()) {
                continue;
            }
            for (JsonNode v : values) {
                item.addAnswer().setValue(switch (question.getType()) {
                    case BOOLEAN -> new BooleanType(v.asBoolean());
                    case INTEGER -> new IntegerType(v.asInt());
                    case DATE -> new DateType(v.asText());
                    case DATETIME -> new DateTimeType(v.asText());
                    case CHOICE -> new Coding(FhirSystems.ANSWER_CODE, v.asText(), null);
                    case REFERENCE -> new Reference("urn:uuid:" + patient(v, bundle, children).getIdPart());
                    default -> new StringType(v.asText());
                });
            }
            items.add(item);
        }
        return items;
    }

    private static Patient patient(JsonNode child, Bundle bundle, List<Patient> children) {
        Patient patient = new Patient();
        patient.setId(uuid(child.get("name").asText() + child.get("dateOfBirth").asText(), "patient"));
        if (child.has("childReference")) {
            patient.addIdentifier().setSystem(FhirSystems.CHILD_REFERENCE).setValue(child.get("childReference").asText());
        }
        if (child.has("nhsNumber")) {
            patient.addIdentifier().setSystem(FhirSystems.NHS_NUMBER).setValue(child.get("nhsNumber").asText());
        }
        patient.addName().setText(child.get("name").asText());
        patient.setBirthDateElement(new DateType(child.get("dateOfBirth").asText()));
        if (child.has("address")) {
            var address = patient.addAddress();
            child.get("address").get("lines").forEach(l -> address.addLine(l.asText()));
            if (child.get("address").has("postcode")) {
                address.setPostalCode(child.get("address").get("postcode").asText());
            }
        }
        patient.addExtension(FhirSystems.LOCAL_AUTHORITY_EXTENSION,
                new org.hl7.fhir.r4.model.CodeType(child.get("localAuthority").asText()));
        if (child.has("school")) {
            Identifier school = new Identifier().setSystem(FhirSystems.SCHOOL_NUMBER)
                    .setValue(child.get("school").get("schoolNumber").asText());
            if (child.get("school").has("name")) {
                school.getAssigner().setDisplay(child.get("school").get("name").asText());
            }
            patient.addExtension(FhirSystems.SCHOOL_EXTENSION, school);
        }
        if (child.has("gpPractice")) {
            Organization practice = new Organization();
            String ods = child.get("gpPractice").get("odsCode").asText();
            practice.setId(uuid(ods, "practice"));
            practice.addIdentifier().setSystem(FhirSystems.ODS_CODE).setValue(ods);
            if (child.get("gpPractice").has("name")) {
                practice.setName(child.get("gpPractice").get("name").asText());
            }
            if (bundle.getEntry().stream().noneMatch(e -> e.getResource() instanceof Organization o
                    && o.getIdPart().equals(practice.getIdPart()))) {
                bundle.addEntry().setFullUrl("urn:uuid:" + practice.getIdPart()).setResource(practice);
            }
            patient.addGeneralPractitioner(new Reference("urn:uuid:" + practice.getIdPart()));
        }
        children.add(patient);
        bundle.addEntry().setFullUrl("urn:uuid:" + patient.getIdPart()).setResource(patient);
        return patient;
    }

    private static String uuid(String seed, String role) {
        return java.util.UUID.nameUUIDFromBytes((seed + "/" + role).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}

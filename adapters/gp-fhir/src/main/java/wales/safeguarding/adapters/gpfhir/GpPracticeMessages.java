package wales.safeguarding.adapters.gpfhir;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * Reads a FHIR message a GP practice sends on its own account (a duty-to-report, a health alert, a strategy
 * contribution, a completed health assessment, an acknowledgement with its contribution) into the canonical
 * contract ({@link GpPracticeMessage}).
 *
 * <p>The message is a {@code Bundle} of type {@code message}: first a {@code MessageHeader} whose {@code eventCoding}
 * is the type ({@link FhirSystems#MESSAGE_EVENT}) and whose {@code focus} is a {@code QuestionnaireResponse} answering
 * the hub's questionnaire for that type ({@link Questionnaires}); each child is a {@code Patient} in the Bundle that an
 * answer references. The caller validates the Bundle with HAPI first ({@link GpFhirValidator#requireValidInbound});
 * this reads what is valid FHIR and refuses what the contract cannot take, naming the element, never the value. The
 * hub's intake then validates the canonical message, and {@link GpPracticeMessage#locate} names the FHIR element of
 * any field it refuses.
 */
public final class GpPracticeMessages {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern PRACTICE_ID = Pattern.compile("[A-Za-z0-9.\\-]{1,64}");
    private static final Set<String> CODE_SYSTEMS = Set.of(FhirSystems.ANSWER_CODE);

    private GpPracticeMessages() {
    }

    /** A message Bundle whose MessageHeader is not a response: something the practice sends on its own account. */
    public static boolean isPracticeMessage(IBaseResource resource) {
        return resource instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.MESSAGE && bundle.hasEntry()
                && bundle.getEntryFirstRep().getResource() instanceof MessageHeader header && !header.hasResponse()
                && header.hasEventCoding() && FhirSystems.MESSAGE_EVENT.equals(header.getEventCoding().getSystem());
    }

    /**
     * The canonical parts of a practice's message.
     *
     * @param agencyId the agency the caller authenticated as: every {@code agencyId} of the body is this one
     * @throws InboundRejectedException (422) naming the element that the contract cannot take
     */
    public static GpPracticeMessage read(Bundle bundle, String agencyId) {
        return new Reading(bundle, agencyId).read();
    }

    private static final class Reading {
        private final Bundle bundle;
        private final String agencyId;
        private final Map<String, String> locations = new LinkedHashMap<>();

        Reading(Bundle bundle, String agencyId) {
            this.bundle = bundle;
            this.agencyId = agencyId;
        }

        GpPracticeMessage read() {
            MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
            String at = "Bundle.entry[0].resource";
            MessageType type = MessageType.fromWireName(header.getEventCoding().getCode())
                    .filter(Questionnaires.PRACTICE_SENDS::contains)
                    .orElseThrow(() -> rejected(OperationOutcomes.notSupported(at + ".eventCoding",
                            "a GP practice sends " + Questionnaires.PRACTICE_SENDS.stream().map(MessageType::wireName)
                                    .sorted().collect(Collectors.joining(", "))
                                    + " (a written report: the completed Task; an answer: a response message)")));
            String practiceMessageId = GpResponseReader.plainId(header.getIdElement().getIdPart());
            if (practiceMessageId == null || !PRACTICE_ID.matcher(practiceMessageId).matches()) {
                throw rejected(OperationOutcomes.required(at + ".id",
                        "the MessageHeader's id (1 to 64 letters, digits, '-' or '.') identifies the message: "
                                + "a resend with the same id is the same message"));
            }
            if (header.getFocus().size() != 1) {
                throw rejected(OperationOutcomes.invalid(at + ".focus", "one-focus",
                        "the MessageHeader's focus is the one QuestionnaireResponse"));
            }
            int qrIndex = entryIndex(GpInboundMapper.resolve(header.getFocusFirstRep(), bundle).orElse(null));
            if (qrIndex < 0 || !(bundle.getEntry().get(qrIndex).getResource() instanceof QuestionnaireResponse qr)) {
                throw rejected(OperationOutcomes.invalid(at + ".focus[0]", "questionnaire-response",
                        "the focus must be a QuestionnaireResponse in the Bundle"));
            }
            String qrAt = "Bundle.entry[" + qrIndex + "].resource";
            locations.put("", qrAt);
            locations.put("/body", qrAt);
            if (Questionnaires.typeOf(qr.getQuestionnaire()).filter(type::equals).isEmpty()) {
                throw rejected(OperationOutcomes.invalid(qrAt + ".questionnaire", "questionnaire-of-type",
                        "the QuestionnaireResponse must answer " + Questionnaires.url(type)));
            }
            if (qr.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
                    && qr.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED) {
                throw rejected(OperationOutcomes.invalid(qrAt + ".status", "completed",
                        "only a completed (or amended) QuestionnaireResponse is sent"));
            }
            Map<String, String> envelope = envelopeItems(qr.getItem(), qrAt);
            ObjectNode body = JSON.objectNode();
            fill(body, qr.getItem(), BodyFields.of(type), "/body", qrAt, true);
            return new GpPracticeMessage(type, practiceMessageId, recipients(header), envelope.get("caseReference"),
                    envelope.get("childReference"), correlationId(envelope, qr.getItem(), qrAt),
                    language(qr, qrAt), securityLabel(), createdAt(qr, qrAt), body, Map.copyOf(locations));
        }

        private Map<String, String> envelopeItems(List<QuestionnaireResponseItemComponent> items, String at) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                QuestionnaireResponseItemComponent item = items.get(i);
                if (!Questionnaires.ENVELOPE_ITEMS.contains(item.getLinkId())) {
                    continue;
                }
                String where = at + ".item[" + i + "]";
                if (item.getAnswer().size() != 1 || !(item.getAnswerFirstRep().getValue() instanceof StringType s)) {
                    throw rejected(OperationOutcomes.invalid(where + ".answer", "answer-type",
                            "the envelope item is answered once, with a valueString"));
                }
                if (values.put(item.getLinkId(), s.getValue()) != null) {
                    throw rejected(OperationOutcomes.invalid(where, "repeats", "the envelope item is answered once"));
                }
                locations.put("/" + item.getLinkId(), where + ".answer[0]");
            }
            return values;
        }

        private UUID correlationId(Map<String, String> envelope, List<QuestionnaireResponseItemComponent> items,
                String at) {
            String value = envelope.get(Questionnaires.CORRELATION_ID);
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException notUuid) {
                throw rejected(OperationOutcomes.invalid(locations.get("/correlationId"), "uuid",
                        "correlationId is the messageId (a UUID) of the hub message this one answers"));
            }
        }

        /** Fills {@code target} with the answers to {@code fields}; {@code top}: the questionnaire's own level. */
        private void fill(ObjectNode target, List<QuestionnaireResponseItemComponent> items,
                List<BodyFields.Field> fields, String pointer, String at, boolean top) {
            Map<String, BodyFields.Field> byLinkId = fields.stream()
                    .collect(Collectors.toMap(BodyFields.Field::linkId, f -> f));
            Map<String, List<Integer>> positions = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                String linkId = items.get(i).getLinkId();
                if (top && Questionnaires.ENVELOPE_ITEMS.contains(linkId)) {
                    continue;
                }
                if (!byLinkId.containsKey(linkId)) {
                    throw rejected(OperationOutcomes.invalid(at + ".item[" + i + "].linkId", "known-item",
                            "the questionnaire has no item with this linkId here"));
                }
                positions.computeIfAbsent(linkId, k -> new ArrayList<>()).add(i);
            }
            for (BodyFields.Field field : fields) {
                List<Integer> at2 = positions.getOrDefault(field.linkId(), List.of());
                if (at2.isEmpty()) {
                    continue;
                }
                String fieldPointer = pointer + "/" + field.name();
                if (field.kind() == BodyFields.Kind.GROUP) {
                    group(target, items, field, at2, fieldPointer, at);
                } else {
                    answers(target, items, field, at2, fieldPointer, at);
                }
            }
        }

        private void group(ObjectNode target, List<QuestionnaireResponseItemComponent> items, BodyFields.Field field,
                List<Integer> positions, String pointer, String at) {
            if (!field.repeats() && positions.size() > 1) {
                throw rejected(OperationOutcomes.invalid(at + ".item[" + positions.get(1) + "]", "repeats",
                        "this group is answered once"));
            }
            ArrayNode array = JSON.arrayNode();
            for (int k = 0; k < positions.size(); k++) {
                int i = positions.get(k);
                String where = at + ".item[" + i + "]";
                String p = field.repeats() ? pointer + "/" + k : pointer;
                locations.put(p, where);
                ObjectNode node = JSON.objectNode();
                fill(node, items.get(i).getItem(), field.fields(), p, where, false);
                if (field.agencyId()) {
                    node.put("agencyId", agencyId);
                }
                array.add(node);
            }
            if (field.repeats()) {
                locations.put(pointer, at + ".item[" + positions.get(0) + "]");
                target.set(field.name(), array);
            } else {
                target.set(field.name(), array.get(0));
            }
        }

        private void answers(ObjectNode target, List<QuestionnaireResponseItemComponent> items, BodyFields.Field field,
                List<Integer> positions, String pointer, String at) {
            ArrayNode values = JSON.arrayNode();
            for (int i : positions) {
                List<QuestionnaireResponseItemAnswerComponent> answers = items.get(i).getAnswer();
                for (int a = 0; a < answers.size(); a++) {
                    String where = at + ".item[" + i + "].answer[" + a + "]";
                    String p = field.repeats() ? pointer + "/" + values.size() : pointer;
                    locations.put(p, where);
                    values.add(value(field, answers.get(a), p, where));
                }
            }
            locations.putIfAbsent(pointer, at + ".item[" + positions.get(0) + "]");
            if (field.repeats()) {
                target.set(field.name(), values);
            } else if (values.size() > 1) {
                throw rejected(OperationOutcomes.invalid(at + ".item[" + positions.get(0) + "]", "repeats",
                        "this item has one answer"));
            } else if (values.size() == 1) {
                target.set(field.name(), values.get(0));
            }
        }

        private JsonNode value(BodyFields.Field field, QuestionnaireResponseItemAnswerComponent answer, String pointer,
                String where) {
            var value = answer.getValue();
            switch (field.kind()) {
                case STRING -> {
                    if (value instanceof StringType s) {
                        return JSON.textNode(s.getValue());
                    }
                }
                case DATE -> {
                    if (value instanceof org.hl7.fhir.r4.model.DateType d && d.getPrecision() == TemporalPrecisionEnum.DAY) {
                        return JSON.textNode(d.getValueAsString());
                    }
                }
                case DATE_TIME -> {
                    if (value instanceof DateTimeType dt) {
                        offsetDateTime(dt, where);
                        return JSON.textNode(dt.getValueAsString());
                    }
                }
                case BOOLEAN -> {
                    if (value instanceof org.hl7.fhir.r4.model.BooleanType b) {
                        return JSON.booleanNode(b.booleanValue());
                    }
                }
                case INTEGER -> {
                    if (value instanceof org.hl7.fhir.r4.model.IntegerType n) {
                        return JSON.numberNode(n.getValue());
                    }
                }
                case CODE -> {
                    if (value instanceof Coding c && (!c.hasSystem() || CODE_SYSTEMS.contains(c.getSystem()))) {
                        return JSON.textNode(c.getCode());
                    }
                }
                case CHILD -> {
                    if (value instanceof Reference r) {
                        return child(r, field, pointer, where);
                    }
                }
                default -> throw new IllegalStateException("a group has no answer");
            }
            throw rejected(OperationOutcomes.invalid(where, "answer-type", "this item is answered with " + switch (field.kind()) {
                case STRING -> "a valueString";
                case DATE -> "a valueDate (a full date)";
                case DATE_TIME -> "a valueDateTime";
                case BOOLEAN -> "a valueBoolean";
                case INTEGER -> "a valueInteger";
                case CODE -> "a valueCoding from " + FhirSystems.ANSWER_CODE;
                default -> "a valueReference to a Patient in the Bundle";
            }));
        }

        /** A child: the Patient an answer references ({@link GpChildren}). */
        private ObjectNode child(Reference reference, BodyFields.Field field, String pointer, String where) {
            int index = entryIndex(GpInboundMapper.resolve(reference, bundle).orElse(null));
            if (index < 0 || !(bundle.getEntry().get(index).getResource() instanceof Patient patient)) {
                throw rejected(OperationOutcomes.invalid(where + ".valueReference", "patient-in-bundle",
                        "a child is a Patient in the Bundle"));
            }
            locations.put(pointer, where);
            return GpChildren.read(patient, "Bundle.entry[" + index + "].resource", bundle, field.fields(), pointer,
                    locations);
        }

        private List<String> recipients(MessageHeader header) {
            List<String> names = new ArrayList<>();
            for (int d = 0; d < header.getDestination().size(); d++) {
                String name = header.getDestination().get(d).getName();
                if (name != null && !name.isBlank()) {
                    locations.put("/recipients/" + names.size(), "Bundle.entry[0].resource.destination[" + d + "].name");
                    names.add(name);
                }
            }
            locations.put("/recipients", "Bundle.entry[0].resource.destination");
            return List.copyOf(names);
        }

        private Language language(QuestionnaireResponse qr, String at) {
            locations.put("/language", at + ".language");
            if (!qr.hasLanguage()) {
                return Language.EN;
            }
            String code = qr.getLanguage().toLowerCase(java.util.Locale.ROOT).split("-", 2)[0];
            return Language.fromCode(code).orElseThrow(() -> rejected(OperationOutcomes.invalid(at + ".language",
                    "language", "the message's language is en or cy")));
        }

        private String securityLabel() {
            locations.put("/securityLabel", "Bundle.meta.security");
            return bundle.getMeta().getSecurity().stream().filter(c -> FhirSystems.SECURITY_LABEL.equals(c.getSystem()))
                    .map(Coding::getCode).findFirst().orElse(null);
        }

        private OffsetDateTime createdAt(QuestionnaireResponse qr, String at) {
            locations.put("/createdAt", at + ".authored");
            if (qr.hasAuthored()) {
                return offsetDateTime(qr.getAuthoredElement(), at + ".authored");
            }
            return bundle.hasTimestamp() ? bundle.getTimestamp().toInstant().atOffset(ZoneOffset.UTC) : null;
        }

        private OffsetDateTime offsetDateTime(DateTimeType value, String where) {
            if (value.getPrecision().ordinal() < TemporalPrecisionEnum.SECOND.ordinal() || value.getTimeZone() == null) {
                throw rejected(OperationOutcomes.invalid(where, "date-time",
                        "a date and time to the second, with its offset from UTC"));
            }
            return OffsetDateTime.parse(value.getValueAsString());
        }

        private int entryIndex(Resource resource) {
            if (resource == null) {
                return -1;
            }
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                if (bundle.getEntry().get(i).getResource() == resource) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static InboundRejectedException rejected(OperationOutcome outcome) {
        return new InboundRejectedException(422, outcome);
    }
}

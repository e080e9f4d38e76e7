package wales.safeguarding.adapters.gpfhir;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The hub's questionnaires: one per message a GP practice may send over FHIR. A practice sends its answers as a
 * {@code QuestionnaireResponse} ({@link GpPracticeMessages}); HAPI validates the answers against the questionnaire
 * (items known, required ones there, answer types, codes from the options) before anything is mapped. Each is made
 * from the message's contract ({@link BodyFields}), so it asks exactly what the canonical body holds: linkId = the
 * JSON property names from the body down joined by dots; {@code group} for an object, {@code repeats} for an array,
 * {@code choice} with the contract's codes (system {@link FhirSystems#ANSWER_CODE}) for an enum, {@code reference}
 * (to a {@code Patient} in the Bundle) for a child. Three items of the envelope come first, none required here (the
 * hub's intake says which type needs which): {@code caseReference}, {@code childReference}, {@code correlationId}.
 */
public final class Questionnaires {

    /** What a practice may send: its reports, alerts, contributions, assessments and acknowledgements. */
    public static final Set<MessageType> PRACTICE_SENDS = Set.of(MessageType.DUTY_TO_REPORT, MessageType.HEALTH_ALERT,
            MessageType.STRATEGY_CONTRIBUTION, MessageType.HEALTH_ASSESSMENT, MessageType.ACKNOWLEDGEMENT);

    static final String CASE_REFERENCE = "caseReference";
    static final String CHILD_REFERENCE = "childReference";
    static final String CORRELATION_ID = "correlationId";
    static final List<String> ENVELOPE_ITEMS = List.of(CASE_REFERENCE, CHILD_REFERENCE, CORRELATION_ID);

    private static final Map<MessageType, Questionnaire> BUILT = new EnumMap<>(MessageType.class);

    private Questionnaires() {
    }

    /** The canonical URL of a type's questionnaire (what {@code QuestionnaireResponse.questionnaire} names). */
    public static String url(MessageType type) {
        return FhirSystems.QUESTIONNAIRE + type.wireName();
    }

    /** The type whose questionnaire this URL names (a {@code |version} suffix is ignored). */
    public static Optional<MessageType> typeOf(String url) {
        if (url == null || !url.startsWith(FhirSystems.QUESTIONNAIRE)) {
            return Optional.empty();
        }
        String name = url.substring(FhirSystems.QUESTIONNAIRE.length()).split("\\|", 2)[0];
        return MessageType.fromWireName(name).filter(PRACTICE_SENDS::contains);
    }

    /** The questionnaire for a type a practice may send; empty for any other type. */
    public static synchronized Optional<Questionnaire> of(MessageType type) {
        if (!PRACTICE_SENDS.contains(type)) {
            return Optional.empty();
        }
        return Optional.of(BUILT.computeIfAbsent(type, Questionnaires::build));
    }

    /** Whether this is the linkId of an item of one of the hub's questionnaires (a name of the contract, not data). */
    static boolean isLinkId(String text) {
        return LINK_IDS.contains(text);
    }

    private static final Set<String> LINK_IDS = java.util.stream.Stream.concat(ENVELOPE_ITEMS.stream(),
            PRACTICE_SENDS.stream().flatMap(t -> linkIds(BodyFields.of(t)).stream())).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static List<String> linkIds(List<BodyFields.Field> fields) {
        return fields.stream().flatMap(f -> java.util.stream.Stream.concat(java.util.stream.Stream.of(f.linkId()),
                f.kind() == BodyFields.Kind.GROUP ? linkIds(f.fields()).stream() : java.util.stream.Stream.<String>empty()))
                .toList();
    }

    /** Every questionnaire, in the order of {@link MessageType}. */
    public static List<Questionnaire> all() {
        return java.util.Arrays.stream(MessageType.values()).map(Questionnaires::of).flatMap(Optional::stream).toList();
    }

    private static Questionnaire build(MessageType type) {
        Questionnaire q = new Questionnaire();
        q.setId(type.wireName());
        q.setUrl(url(type));
        q.setVersion("1.0");
        q.setName(type.name().replace("_", ""));
        q.setTitle("Safeguarding hub: " + type.wireName() + " from a GP practice");
        q.setStatus(Enumerations.PublicationStatus.ACTIVE);
        q.setText(Narratives.of(List.of("Safeguarding hub: " + type.wireName()
                + ". Send the answers as a QuestionnaireResponse in a FHIR message to $process-message.")));
        q.addSubjectType("Patient");
        for (String envelope : ENVELOPE_ITEMS) {
            q.addItem().setLinkId(envelope).setText("Envelope: " + envelope).setType(QuestionnaireItemType.STRING);
        }
        for (BodyFields.Field field : BodyFields.of(type)) {
            q.addItem(item(field));
        }
        return q;
    }

    private static Questionnaire.QuestionnaireItemComponent item(BodyFields.Field field) {
        Questionnaire.QuestionnaireItemComponent item = new Questionnaire.QuestionnaireItemComponent()
                .setLinkId(field.linkId())
                .setText(field.description())
                .setRequired(field.required())
                .setRepeats(field.repeats())
                .setType(switch (field.kind()) {
                    case STRING -> QuestionnaireItemType.STRING;
                    case DATE -> QuestionnaireItemType.DATE;
                    case DATE_TIME -> QuestionnaireItemType.DATETIME;
                    case BOOLEAN -> QuestionnaireItemType.BOOLEAN;
                    case INTEGER -> QuestionnaireItemType.INTEGER;
                    case CODE -> QuestionnaireItemType.CHOICE;
                    case GROUP -> QuestionnaireItemType.GROUP;
                    case CHILD -> QuestionnaireItemType.REFERENCE;
                });
        for (String code : field.codes()) {
            item.addAnswerOption().setValue(new Coding(FhirSystems.ANSWER_CODE, code, null));
        }
        if (field.kind() == BodyFields.Kind.GROUP) {
            for (BodyFields.Field nested : field.fields()) {
                item.addItem(item(nested));
            }
        }
        return item;
    }
}

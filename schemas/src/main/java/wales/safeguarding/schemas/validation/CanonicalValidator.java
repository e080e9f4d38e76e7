package wales.safeguarding.schemas.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * Validates a whole message: the envelope against {@code schemas/envelope.schema.json}, then, when
 * the type is known, the body against {@code schemas/body/<type>.schema.json}, then the rules a
 * schema cannot express, among them the characters no string may hold ({@link HostileCharacters}). Returns every violation, sorted by pointer; an empty list means valid.
 * Thread-safe: the schemas are loaded once and only read afterwards.
 */
public final class CanonicalValidator {

    private static final String SCHEMA_ROOT = "schemas/";
    private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");
    private static final String CHILDREN = "children";
    private static final String CHILD = "child";
    private static final Set<String> ALTERNATIVES = Set.of("oneOf", "anyOf");
    private static final Set<String> POINT_AT_PROPERTY =
            Set.of("required", "dependentRequired", "additionalProperties");
    private static final String KNOWN_TYPES =
            Stream.of(MessageType.values()).map(MessageType::wireName).collect(Collectors.joining(", "));
    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::pointer)
            .thenComparing(Violation::rule)
            .thenComparing(Violation::message);

    private final JsonSchema envelopeSchema;
    private final Map<MessageType, JsonSchema> bodySchemas;
    /** Per type, the body properties holding children ({@code children}: an array, {@code child}: one). */
    private final Map<MessageType, Set<String>> childProperties;

    private CanonicalValidator(JsonSchema envelopeSchema, Map<MessageType, JsonSchema> bodySchemas,
            Map<MessageType, Set<String>> childProperties) {
        this.envelopeSchema = envelopeSchema;
        this.bodySchemas = bodySchemas;
        this.childProperties = childProperties;
    }

    /** The validator for the schemas in this jar; built on first use and shared after that. */
    public static CanonicalValidator fromClasspath() {
        return Loaded.INSTANCE;
    }

    public List<Violation> validate(JsonNode message) {
        Objects.requireNonNull(message, "message");
        List<Violation> violations = new ArrayList<>(toViolations(envelopeSchema.validate(message), ""));
        HostileCharacters.check(message, violations);
        JsonNode type = message.get("type");
        JsonNode body = message.get("body");
        if (type != null && type.isTextual()) {
            Optional<MessageType> known = MessageType.fromWireName(type.textValue());
            if (known.isEmpty()) {
                violations.add(new Violation("/type", Violation.UNKNOWN_MESSAGE_TYPE,
                        "is not a known message type; known types are " + KNOWN_TYPES));
            } else if (body != null && body.isObject()) {
                violations.addAll(toViolations(bodySchemas.get(known.get()).validate(body), "/body"));
                checkNhsNumbers(body, childProperties.get(known.get()), violations);
            }
        }
        violations.sort(ORDER);
        return List.copyOf(violations);
    }

    private static void checkNhsNumbers(JsonNode body, Set<String> properties, List<Violation> violations) {
        if (properties.contains(CHILDREN)) {
            JsonNode children = body.path(CHILDREN);
            for (int i = 0; children.isArray() && i < children.size(); i++) {
                JsonNode element = children.get(i);
                // an outline plan's children are decisions, each about one child
                if (element.path(CHILD).isObject()) {
                    checkNhsNumber(element.get(CHILD), "/body/children/" + i + "/child", violations);
                } else {
                    checkNhsNumber(element, "/body/children/" + i, violations);
                }
            }
        }
        if (properties.contains(CHILD)) {
            checkNhsNumber(body.path(CHILD), "/body/child", violations);
        }
    }

    private static void checkNhsNumber(JsonNode child, String pointer, List<Violation> violations) {
        JsonNode nhsNumber = child.get("nhsNumber");
        // a value that is not ten digits already breaks the schema pattern: one violation is enough
        if (nhsNumber != null && nhsNumber.isTextual() && TEN_DIGITS.matcher(nhsNumber.textValue()).matches()
                && !NhsNumber.isValid(nhsNumber.textValue())) {
            violations.add(new Violation(pointer + "/nhsNumber", Violation.NHS_NUMBER_CHECK_DIGIT,
                    "is not a valid NHS number: the modulus 11 check digit does not match"));
        }
    }

    private static List<Violation> toViolations(Set<ValidationMessage> messages, String prefix) {
        // A failed oneOf/anyOf also reports why each branch failed; for "exactly one of text and
        // contentBase64" that reads "text is required" and "contentBase64 is required", the opposite
        // of the rule. The oneOf/anyOf violation alone says what is wrong.
        List<String> failedAlternatives = messages.stream()
                .filter(m -> ALTERNATIVES.contains(m.getType()))
                .map(m -> m.getEvaluationPath().toString() + "/")
                .toList();
        return messages.stream()
                .filter(m -> failedAlternatives.stream().noneMatch(m.getEvaluationPath().toString()::startsWith))
                .map(m -> toViolation(m, prefix))
                .distinct()
                .collect(Collectors.toList());
    }

    private static Violation toViolation(ValidationMessage m, String prefix) {
        String pointer = prefix + m.getInstanceLocation().toString();
        String rule = m.getType();
        // for these keywords the instance location is the object; point at the property itself
        if (m.getProperty() != null && POINT_AT_PROPERTY.contains(rule)) {
            pointer = pointer + "/" + escape(m.getProperty());
        }
        // getError() is the message without its location, and it never quotes the instance value
        return new Violation(pointer, rule, m.getError());
    }

    private static String escape(String referenceToken) {
        return referenceToken.replace("~", "~0").replace("/", "~1");
    }

    private static final class Loaded {
        static final CanonicalValidator INSTANCE = load();

        private static CanonicalValidator load() {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    // 2020-12 treats format as an annotation unless told otherwise; we mean it
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER)
                    .regularExpressionFactory(new EcmaAnchorsRegularExpressionFactory())
                    .build();
            Map<MessageType, JsonSchema> bodies = new EnumMap<>(MessageType.class);
            Map<MessageType, Set<String>> childProperties = new EnumMap<>(MessageType.class);
            for (MessageType type : MessageType.values()) {
                JsonNode tree = read("body/" + type.wireName() + ".schema.json");
                bodies.put(type, schema(factory, config, tree));
                // the schema says where a body names its children, so the check digit follows it there
                JsonNode properties = tree.path("properties");
                childProperties.put(type, Stream.of(CHILDREN, CHILD).filter(properties::has)
                        .collect(Collectors.toUnmodifiableSet()));
            }
            return new CanonicalValidator(schema(factory, config, read("envelope.schema.json")), bodies, childProperties);
        }

        private static JsonSchema schema(JsonSchemaFactory factory, SchemaValidatorsConfig config, JsonNode tree) {
            JsonSchema schema = factory.getSchema(tree, config);
            // build every keyword validator now, so validate() only ever reads shared state
            schema.initializeValidators();
            return schema;
        }

        private static JsonNode read(String name) {
            String resource = SCHEMA_ROOT + name;
            try (InputStream in = CanonicalValidator.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema not on the classpath: " + resource);
                }
                return CanonicalJson.mapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + resource, e);
            }
        }
    }
}

package wales.safeguarding.adapters.police;

/**
 * One way a notice breaks the PPN contract. Never quotes the offending value: notices carry personal data about
 * children, and errors are returned to the sender, written to receipts and may be logged.
 *
 * @param element where: a path of element names from the root, e.g. {@code /notice/children/child[2]/localAuthority}
 *                (repeatable elements carry their position, counted from 1); {@code /} for the document itself, or
 *                {@code /notice/officer/@foo} for an attribute
 * @param line    line in the received document (1-based; 0 when not known)
 * @param column  column in that line (1-based; 0 when not known)
 * @param rule    the rule that failed: an XSD facet ({@code pattern}, {@code enumeration}, {@code minLength},
 *                {@code maxLength}, {@code datatype}), a structure rule ({@code missing-element},
 *                {@code unexpected-element}, {@code element-not-allowed}, {@code text-not-allowed},
 *                {@code unexpected-attribute}, {@code unique}, {@code unknown-root-element}), one of ours
 *                ({@code nhs-number-check-digit}), or a refusal to parse ({@code not-well-formed},
 *                {@code doctype-not-allowed}, {@code xml-limit}, {@code external-reference}, {@code too-large}, {@code too-many-errors})
 * @param message for people; says what the rule expects, never what the notice said
 */
public record PpnError(String element, int line, int column, String rule, String message) {

    public static final String PATTERN = "pattern";
    public static final String ENUMERATION = "enumeration";
    public static final String MIN_LENGTH = "minLength";
    public static final String MAX_LENGTH = "maxLength";
    public static final String DATATYPE = "datatype";
    public static final String MISSING_ELEMENT = "missing-element";
    public static final String UNEXPECTED_ELEMENT = "unexpected-element";
    public static final String ELEMENT_NOT_ALLOWED = "element-not-allowed";
    public static final String TEXT_NOT_ALLOWED = "text-not-allowed";
    public static final String UNEXPECTED_ATTRIBUTE = "unexpected-attribute";
    public static final String UNIQUE = "unique";
    public static final String UNKNOWN_ROOT_ELEMENT = "unknown-root-element";
    public static final String NHS_NUMBER_CHECK_DIGIT = "nhs-number-check-digit";
    public static final String NOT_WELL_FORMED = "not-well-formed";
    public static final String DOCTYPE_NOT_ALLOWED = "doctype-not-allowed";
    public static final String XML_LIMIT = "xml-limit";
    public static final String EXTERNAL_REFERENCE = "external-reference";
    public static final String TOO_LARGE = "too-large";
    public static final String TOO_MANY_ERRORS = "too-many-errors";
}

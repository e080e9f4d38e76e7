package wales.safeguarding.schemas.validation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One way a message breaks the contract.
 *
 * @param pointer RFC 6901 pointer into the whole message ({@code /body/children/0/nhsNumber});
 *                for {@code required} and {@code additionalProperties} it names the missing or
 *                unexpected property itself
 * @param rule    the JSON Schema keyword that failed, or one of our own rules
 *                ({@code nhs-number-check-digit}, {@code unknown-message-type},
 *                {@code no-control-characters}, {@code no-bidi-override}, {@code no-unpaired-surrogate})
 * @param message for people; never quotes the offending value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String pointer, String rule, String message) {

    public static final String NHS_NUMBER_CHECK_DIGIT = "nhs-number-check-digit";
    public static final String UNKNOWN_MESSAGE_TYPE = "unknown-message-type";
    public static final String NO_CONTROL_CHARACTERS = "no-control-characters";
    public static final String NO_BIDI_OVERRIDE = "no-bidi-override";
    public static final String NO_UNPAIRED_SURROGATE = "no-unpaired-surrogate";
}

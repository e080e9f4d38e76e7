package wales.safeguarding.schemas.validation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One way a message breaks the contract.
 *
 * @param pointer RFC 6901 pointer into the whole message ({@code /body/children/0/nhsNumber});
 *                for {@code required} and {@code additionalProperties} it names the missing or
 *                unexpected property itself
 * @param rule    the JSON Schema keyword that failed, or one of our own rules
 *                ({@code nhs-number-check-digit}, {@code unknown-message-type})
 * @param message for people; never quotes the offending value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String pointer, String rule, String message) {

    public static final String NHS_NUMBER_CHECK_DIGIT = "nhs-number-check-digit";
    public static final String UNKNOWN_MESSAGE_TYPE = "unknown-message-type";
}

package wales.safeguarding.hub.problems;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import wales.safeguarding.schemas.validation.Violation;

/**
 * An RFC 9457 problem-details answer. {@code violations} names each field (JSON pointer) and the rule it broke.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    private static final String BASE = "https://hub.safeguarding.wales/problems/";

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(BASE + kind, title, status, detail, List.of());
    }

    public static Problem of(String kind, String title, int status, String detail, List<Violation> violations) {
        return new Problem(BASE + kind, title, status, detail, List.copyOf(violations));
    }
}

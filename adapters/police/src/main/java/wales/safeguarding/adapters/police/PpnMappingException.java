package wales.safeguarding.adapters.police;

import java.util.List;
import java.util.stream.Collectors;
import wales.safeguarding.schemas.validation.Violation;

/**
 * A notice that kept the PPN contract still made a duty-to-report the canonical validator refuses (for example an
 * e-mail address whose domain is not a real top-level domain). The hub refuses the notice with these violations,
 * as it would a PPN error; nothing is forwarded. The message names pointers and rules, never values.
 */
public class PpnMappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public PpnMappingException(String noticeId, List<Violation> violations) {
        super("notice " + noticeId + " does not make a valid duty-to-report: " + violations.stream()
                .map(v -> v.pointer() + " (" + v.rule() + ")").collect(Collectors.joining(", ")));
        this.violations = List.copyOf(violations);
    }

    /** What the canonical validator found, as JSON pointers into the duty-to-report message. */
    public List<Violation> violations() {
        return violations;
    }
}

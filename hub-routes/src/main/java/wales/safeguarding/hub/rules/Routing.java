package wales.safeguarding.hub.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Who a message goes to, or why it cannot go anywhere, and the compliance notes the rules recorded on the way (the
 * hub added the child's GP practice, no practice is known, ...). Recipients keep their order and appear once.
 */
public record Routing(List<String> recipients, List<Violation> violations, List<ComplianceNote> notes) {

    /**
     * The hub itself as a recipient: an answer to a message the hub made (an acknowledgement of its board report
     * export) is kept by the hub, with no copy to deliver.
     */
    public static final String HUB = "hub";

    public Routing {
        recipients = List.copyOf(new LinkedHashSet<>(recipients));
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }

    public Routing(List<String> recipients, List<Violation> violations) {
        this(recipients, violations, List.of());
    }

    public static Routing to(List<String> recipients) {
        return new Routing(recipients, List.of());
    }

    public static Routing refused(Violation violation) {
        return new Routing(List.of(), List.of(violation));
    }

    public Routing and(Routing other) {
        List<String> r = new ArrayList<>(recipients);
        r.addAll(other.recipients);
        List<Violation> v = new ArrayList<>(violations);
        v.addAll(other.violations);
        List<ComplianceNote> n = new ArrayList<>(notes);
        n.addAll(other.notes);
        return new Routing(r, v, n);
    }

    public boolean routable() {
        return violations.isEmpty() && !recipients.isEmpty();
    }

    public Set<String> recipientSet() {
        return new LinkedHashSet<>(recipients);
    }
}

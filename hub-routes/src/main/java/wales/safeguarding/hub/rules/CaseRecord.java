package wales.safeguarding.hub.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A case as the hub knows it from its messages: the council that holds it and its children (a case is often a
 * sibling group, each child with their own GP practice, school, police force and register status).
 */
public record CaseRecord(String caseReference, String council, List<ChildRecord> children) {

    public CaseRecord {
        children = List.copyOf(children);
    }

    /** The child with this key (after {@link #keysFor}). */
    public Optional<ChildRecord> child(String key) {
        return children.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /**
     * The key under which the case recorded a child that may have been recorded under any of {@code forms}
     * ({@link ChildKey#forms}: the current form first, then the older ones), if it recorded them.
     */
    public Optional<String> recordedAs(List<String> forms) {
        return forms.stream().filter(f -> child(f).isPresent()).findFirst();
    }

    /**
     * The keys under which the hub knows the children a message names. A case recorded before sibling groups has one
     * child without a key ({@link ChildKey#BEFORE_SIBLING_GROUPS}), the first child its messages named: while no
     * named child is known by its own key, the first one named is that child.
     */
    public List<String> keysFor(List<String> named) {
        boolean before = children.size() == 1 && children.get(0).key().equals(ChildKey.BEFORE_SIBLING_GROUPS);
        if (!before || named.isEmpty() || named.stream().anyMatch(k -> child(k).isPresent())) {
            return named;
        }
        List<String> keys = new ArrayList<>(named);
        keys.set(0, ChildKey.BEFORE_SIBLING_GROUPS);
        return keys;
    }

    /** The key under which the hub knows the one child a message is about. */
    public String keyFor(String named) {
        return keysFor(List.of(named)).get(0);
    }

    /**
     * True when every child of these keys is on the register (and there is one): a strategy discussion or a section 47
     * enquiry about them calls for no initial conference.
     */
    public boolean allRegistered(List<String> keys) {
        return !keys.isEmpty() && keys.stream().allMatch(k -> child(k).map(ChildRecord::registered).orElse(false));
    }

    /** True when any child of the case is on the register. */
    public boolean anyRegistered() {
        return children.stream().anyMatch(ChildRecord::registered);
    }
}

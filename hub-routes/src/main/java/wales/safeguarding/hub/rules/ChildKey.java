package wales.safeguarding.hub.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.schemas.childprotection.ChildRef;

/**
 * How the hub tells the children of a case apart. The council's own {@code childReference} for the child when the
 * message gives one; otherwise a keyed fingerprint of the child's name and date of birth ({@link ChildFingerprints}:
 * {@code ck1-<key id>-<hex>}), which never leaves the hub and cannot be checked against a guess without the hub's key.
 * Councils should send {@code childReference} for every child, always the same: a name spelt differently makes a
 * different fingerprint. (The envelope's {@code childReference} is the sender's reference for logs and screens; a
 * message about a sibling group has one envelope, so it cannot tell the children apart.)
 */
public final class ChildKey {

    /** The one child of a case recorded before the hub knew sibling groups. */
    public static final String BEFORE_SIBLING_GROUPS = "";

    private ChildKey() {
    }

    /** The key of {@code child} as the hub stores it now: the council's reference, or the current fingerprint. */
    public static String of(ChildRef child, ChildFingerprints fingerprints) {
        if (hasReference(child)) {
            return child.childReference();
        }
        return fingerprints.of(child.name(), child.dateOfBirth());
    }

    /** The keys of the children a message names, in its order. */
    public static List<String> all(List<ChildRef> children, ChildFingerprints fingerprints) {
        return (children == null ? List.<ChildRef>of() : children).stream().map(c -> of(c, fingerprints)).toList();
    }

    /**
     * Every key under which a case may have recorded {@code child}: the council's reference; or the fingerprint under
     * the current key (first), each previous key, and the unkeyed form from before fingerprints were keyed.
     */
    public static List<String> forms(ChildRef child, ChildFingerprints fingerprints) {
        if (hasReference(child)) {
            return List.of(child.childReference());
        }
        return fingerprints.forms(child.name(), child.dateOfBirth());
    }

    /**
     * The stored keys to rewrite now that a message names these children: each recorded key ({@code recorded}) that is
     * one of a named child's older forms (a previous key's, the unkeyed one), to that child's current form. A child
     * recorded under the current form, or known by the council's reference, needs nothing.
     */
    public static Map<String, String> rekeys(List<ChildRef> named, Collection<String> recorded,
            ChildFingerprints fingerprints) {
        Map<String, String> rekeys = new LinkedHashMap<>();
        for (ChildRef child : named) {
            if (hasReference(child)) {
                continue;
            }
            List<String> forms = fingerprints.forms(child.name(), child.dateOfBirth());
            if (recorded.contains(forms.get(0))) {
                continue;
            }
            forms.stream().skip(1).filter(recorded::contains).findFirst()
                    .ifPresent(stale -> rekeys.put(stale, forms.get(0)));
        }
        return rekeys;
    }

    /**
     * The children a message's body names, wherever they are in it (a {@code child}, {@code children}, a decision's
     * child): every object with a {@code name} and a {@code dateOfBirth}. Only the fields that make a key are read.
     */
    public static List<ChildRef> named(JsonNode body) {
        List<ChildRef> children = new ArrayList<>();
        collect(body, children);
        return children;
    }

    private static void collect(JsonNode node, List<ChildRef> children) {
        if (node == null) {
            return;
        }
        if (node.isObject() && node.path("name").isTextual() && node.path("dateOfBirth").isTextual()) {
            try {
                LocalDate born = LocalDate.parse(node.get("dateOfBirth").asText());
                children.add(new ChildRef(node.get("name").asText(), born, text(node, "nhsNumber"),
                        text(node, "localAuthority"), null, null, text(node, "childReference")));
            } catch (DateTimeParseException notADate) {
                // not a child as the schemas write one
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, children));
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    private static boolean hasReference(ChildRef child) {
        return child.childReference() != null && !child.childReference().isBlank();
    }
}

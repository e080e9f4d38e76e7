package wales.safeguarding.schemas.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * Which parts of a message body each kind of recipient receives ({@code policy/need-to-know.json}).
 * Each entry is a list of JSON pointers into the body; a recipient receives those parts and
 * nothing else ({@code ""} is the whole body, a {@code *} token every element of an array). Fails
 * closed: an unknown recipient kind, or a type or kind the policy does not cover, is an
 * {@link IllegalArgumentException}, never the whole body. Immutable and thread-safe.
 *
 * <p>A type may also name recipient <em>roles</em> ({@code messageTypes.<type>.roles.<role>}): where
 * two recipients of one kind need different parts of the same message (the new school of a
 * {@code school-transfer} receives the safeguarding file, the old school only the notice), the hub
 * names the recipient's role and the role's list replaces the kind's.
 */
public final class NeedToKnowPolicy {

    /** Where {@link #fromClasspath()} reads the policy. */
    public static final String RESOURCE = "policy/need-to-know.json";

    /** The recipient kinds, as the hub directory names them. */
    public static final List<String> RECIPIENT_KINDS =
            List.of("council", "police", "gp-practice", "health-board", "school", "safeguarding-board",
                    "education-service", "pupil-referral-unit", "eotas-provider", "youth-justice", "youth-support");

    /**
     * Directory kinds that are services of a kind the policy names, and receive what that kind receives (they are not
     * written in the policy file): a health board's health visiting and school
     * nursing services receive what the health board does (they are part of it, and the same clinical records).
     */
    public static final Map<String, String> SERVICES_OF = Map.of("health-visiting", "health-board",
            "school-nursing", "health-board");

    private static final String ANY_ELEMENT = "*";

    /** type -> recipient kind -> the pointers it receives, each split into reference tokens. */
    private final Map<MessageType, Map<String, List<List<String>>>> receives;
    /** type -> recipient role -> the pointers a recipient in that role receives, whatever its kind. */
    private final Map<MessageType, Map<String, List<List<String>>>> roles;

    private NeedToKnowPolicy(Map<MessageType, Map<String, List<List<String>>>> receives,
            Map<MessageType, Map<String, List<List<String>>>> roles) {
        this.receives = receives;
        this.roles = roles;
    }

    /** The policy in this jar; read on first use and shared after that. */
    public static NeedToKnowPolicy fromClasspath() {
        return Loaded.INSTANCE;
    }

    /**
     * A policy from a tree shaped like {@code policy/need-to-know.json}. Refuses an unknown message
     * type or recipient kind and a malformed pointer; types and kinds it leaves out are refused
     * when asked for.
     */
    public static NeedToKnowPolicy from(JsonNode policy) {
        Objects.requireNonNull(policy, "policy");
        JsonNode types = policy.path("messageTypes");
        if (!types.isObject()) {
            throw new IllegalArgumentException("the policy has no messageTypes object");
        }
        Map<MessageType, Map<String, List<List<String>>>> byType = new EnumMap<>(MessageType.class);
        Map<MessageType, Map<String, List<List<String>>>> rolesByType = new EnumMap<>(MessageType.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> typeEntry = it.next();
            MessageType type = MessageType.fromWireName(typeEntry.getKey()).orElseThrow(() ->
                    new IllegalArgumentException("the policy names an unknown message type: " + typeEntry.getKey()));
            JsonNode kinds = typeEntry.getValue().path("receives");
            if (!kinds.isObject()) {
                throw new IllegalArgumentException("policy for " + type + " has no receives object");
            }
            Map<String, List<List<String>>> byKind = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> k = kinds.fields(); k.hasNext(); ) {
                Map.Entry<String, JsonNode> kindEntry = k.next();
                String kind = kindEntry.getKey();
                if (!RECIPIENT_KINDS.contains(kind)) {
                    throw new IllegalArgumentException("policy for " + type + " names an unknown recipient kind: " + kind);
                }
                byKind.put(kind, pointers(type, kind, kindEntry.getValue()));
            }
            byType.put(type, Collections.unmodifiableMap(byKind));
            JsonNode typeRoles = typeEntry.getValue().path("roles");
            if (!typeRoles.isMissingNode()) {
                if (!typeRoles.isObject()) {
                    throw new IllegalArgumentException("policy for " + type + " has a roles entry that is not an object");
                }
                Map<String, List<List<String>>> byRole = new HashMap<>();
                typeRoles.fields().forEachRemaining(r -> byRole.put(r.getKey(), pointers(type, r.getKey(), r.getValue())));
                rolesByType.put(type, Collections.unmodifiableMap(byRole));
            }
        }
        return new NeedToKnowPolicy(Collections.unmodifiableMap(byType), Collections.unmodifiableMap(rolesByType));
    }

    /**
     * The part of {@code body} a recipient of {@code recipientKind} receives: a new tree, never the
     * input or a part of it, so the caller may change it. {@code body} is not changed.
     */
    public JsonNode bodyFor(MessageType type, String recipientKind, JsonNode body) {
        return trim(type, recipientKind, null, body, new LinkedHashSet<>());
    }

    /**
     * As {@link #bodyFor(MessageType, String, JsonNode)}, for a recipient that has a role in this
     * message: the role's list replaces the kind's. A null role is the kind's list; a role the
     * policy does not define for the type is an {@link IllegalArgumentException}.
     */
    public JsonNode bodyFor(MessageType type, String recipientKind, String role, JsonNode body) {
        return trim(type, recipientKind, role, body, new LinkedHashSet<>());
    }

    /** The recipient roles the policy defines for a type (empty for most types). */
    public Set<String> roles(MessageType type) {
        return roles.getOrDefault(type, Map.of()).keySet();
    }

    /**
     * JSON pointers into {@code body} (prefix {@code /body} for the whole message) of the parts
     * {@link #bodyFor} removes for this kind of recipient, in document order. A part listed here
     * is removed whole; a part absent from the body is not listed.
     */
    public Set<String> withheld(MessageType type, String recipientKind, JsonNode body) {
        return withheld(type, recipientKind, null, body);
    }

    /** What {@link #bodyFor(MessageType, String, String, JsonNode)} removes for a recipient in this role. */
    public Set<String> withheld(MessageType type, String recipientKind, String role, JsonNode body) {
        Set<String> withheld = new LinkedHashSet<>();
        trim(type, recipientKind, role, body, withheld);
        return Collections.unmodifiableSet(withheld);
    }

    private JsonNode trim(MessageType type, String recipientKind, String role, JsonNode body, Set<String> withheld) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        if (recipientKind == null
                || !RECIPIENT_KINDS.contains(recipientKind) && !SERVICES_OF.containsKey(recipientKind)) {
            throw new IllegalArgumentException("unknown recipient kind: " + recipientKind);
        }
        Map<String, List<List<String>>> byKind = receives.get(type);
        if (byKind == null) {
            throw new IllegalArgumentException("the need-to-know policy does not cover " + type);
        }
        List<List<String>> allowed = role == null ? byKind.get(SERVICES_OF.getOrDefault(recipientKind, recipientKind))
                : roles.getOrDefault(type, Map.of()).get(role);
        if (role != null && allowed == null) {
            throw new IllegalArgumentException("the need-to-know policy defines no role " + role + " for " + type);
        }
        if (allowed == null) {
            throw new IllegalArgumentException("the need-to-know policy does not say what a " + recipientKind
                    + " receives of " + type);
        }
        if (!body.isObject()) {
            throw new IllegalArgumentException("a message body is a JSON object");
        }
        JsonNode kept = keep(body, allowed, 0, "", withheld);
        return kept == null ? CanonicalJson.mapper().createObjectNode() : kept;
    }

    /**
     * The part of {@code node} the pointers allow (each matched on its first {@code depth} tokens
     * already), or null when none of it is allowed; records what it leaves out in {@code withheld}.
     */
    private static JsonNode keep(JsonNode node, List<List<String>> allowed, int depth, String pointer,
            Set<String> withheld) {
        if (allowed.stream().anyMatch(p -> p.size() == depth)) {
            return node.deepCopy();
        }
        if (node.isObject()) {
            ObjectNode out = CanonicalJson.mapper().createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode kept = keepChild(field.getValue(), field.getKey(), false, allowed, depth,
                        pointer + "/" + escape(field.getKey()), withheld);
                if (kept != null) {
                    out.set(field.getKey(), kept);
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = CanonicalJson.mapper().createArrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode kept = keepChild(node.get(i), String.valueOf(i), true, allowed, depth, pointer + "/" + i,
                        withheld);
                if (kept != null) {
                    out.add(kept);
                }
            }
            return out;
        }
        // a value where the policy allows only parts of an object or array: none of it is allowed
        withheld.add(pointer);
        return null;
    }

    private static JsonNode keepChild(JsonNode child, String token, boolean inArray, List<List<String>> allowed,
            int depth, String pointer, Set<String> withheld) {
        List<List<String>> matching = new ArrayList<>();
        for (List<String> p : allowed) {
            String want = p.get(depth);
            if (want.equals(token) || (inArray && want.equals(ANY_ELEMENT))) {
                matching.add(p);
            }
        }
        if (matching.isEmpty()) {
            withheld.add(pointer);
            return null;
        }
        return keep(child, matching, depth + 1, pointer, withheld);
    }

    private static List<List<String>> pointers(MessageType type, String kind, JsonNode list) {
        if (!list.isArray()) {
            throw new IllegalArgumentException("policy for " + type + " / " + kind + " is not a list of pointers");
        }
        List<List<String>> out = new ArrayList<>();
        for (JsonNode p : list) {
            if (!p.isTextual() || !(p.textValue().isEmpty() || p.textValue().startsWith("/"))) {
                throw new IllegalArgumentException("policy for " + type + " / " + kind
                        + " has a pointer that is neither \"\" nor starts with /: " + p);
            }
            out.add(tokens(p.textValue()));
        }
        return List.copyOf(out);
    }

    private static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(pointer.substring(1).split("/", -1))
                .map(t -> t.replace("~1", "/").replace("~0", "~"))
                .toList();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static final class Loaded {
        static final NeedToKnowPolicy INSTANCE = load();

        private static NeedToKnowPolicy load() {
            try (InputStream in = NeedToKnowPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("need-to-know policy not on the classpath: " + RESOURCE);
                }
                return from(CanonicalJson.mapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the need-to-know policy " + RESOURCE, e);
            }
        }
    }
}

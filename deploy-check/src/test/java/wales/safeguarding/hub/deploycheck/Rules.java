package wales.safeguarding.hub.deploycheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules deploy-check holds the manifests to; each returns its violations, empty when the manifests keep it. */
final class Rules {

    private static final long MIB = 1024L * 1024L;

    /**
     * The hub's peak resident set: 815 MB with -Xmx512m -XX:+UseSerialGC, benchmarks/README.md, "The Wales side's
     * heap was the embedded broker's duplicate-detection caches" (4 December 2026, VmHWM at the highest RSS, 1,901
     * agencies). Read as MiB, the larger of the two readings of "MB".
     */
    static final long MEASURED_HUB_PEAK_RSS_BYTES = 815 * MIB;

    /** The hub's heap in that measurement (-Xmx512m): RSS minus heap is what a JVM of this kind keeps beside it. */
    static final long MEASURED_HUB_HEAP_BYTES = 512 * MIB;

    /** Custom resources fabric8 has no model for, read as GenericKubernetesResource. */
    static final Set<String> GENERIC_KINDS = Set.of("postgresql.cnpg.io/v1 Cluster");

    private Rules() {
    }

    // ---- unknown fields ------------------------------------------------------------------------------------

    static List<String> unknownFields(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifests.Document document : manifests.documents) {
            String where = document.where(manifests.root);
            if (document.resource() instanceof GenericKubernetesResource generic) {
                String type = generic.getApiVersion() + " " + generic.getKind();
                if (!GENERIC_KINDS.contains(type)) {
                    violations.add(where + ": no fabric8 model for " + type + " (a misspelt apiVersion or kind?)");
                }
                walk(generic.getMetadata(), "metadata", where, violations);
            } else {
                walk(document.resource(), "", where, violations);
            }
        }
        return violations;
    }

    /** fabric8 keeps every field its model lacks in an additionalProperties map: any entry is an unknown field. */
    private static void walk(Object value, String path, String where, List<String> violations) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", where, violations);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", where, violations));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue;
                try {
                    fieldValue = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> unknown) {
                        unknown.keySet().forEach(k -> violations.add(
                                where + ": unknown field " + (path.isEmpty() ? "" : path + ".") + k));
                    }
                } else {
                    walk(fieldValue, (path.isEmpty() ? "" : path + ".") + field.getName(), where, violations);
                }
            }
        }
    }

    // ---- probes ----------------------------------------------------------------------------------------------

    /** Every container of a Deployment or StatefulSet (the hub, the brokers) has liveness and readiness probes. */
    static List<String> missingProbes(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifests.Document document : manifests.documents) {
            PodSpec pod = podSpec(document);
            if (pod == null || document.patch()) {
                continue; // a patch changes part of a container; the probes are checked where it is whole
            }
            for (Container container : pod.getContainers()) {
                String where = document.where(manifests.root) + ": container " + container.getName();
                if (container.getLivenessProbe() == null) {
                    violations.add(where + " has no livenessProbe");
                }
                if (container.getReadinessProbe() == null) {
                    violations.add(where + " has no readinessProbe");
                }
            }
        }
        return violations;
    }

    // ---- memory ----------------------------------------------------------------------------------------------

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG])");
    private static final Pattern DIRECT = Pattern.compile("-XX:MaxDirectMemorySize=(\\d+)([kKmMgG])");

    /**
     * The hub's container ("hub") has a memory limit at least the measured peak RSS; a broker's ("artemis") at least
     * its heap + direct buffers + the non-heap measured beside the hub's heap.
     */
    static List<String> memoryBelowMeasured(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifests.Document document : manifests.documents) {
            PodSpec pod = podSpec(document);
            if (pod == null) {
                continue;
            }
            for (Container container : pod.getContainers()) {
                String where = document.where(manifests.root) + ": container " + container.getName();
                Quantity limit = container.getResources() == null || container.getResources().getLimits() == null
                        ? null : container.getResources().getLimits().get("memory");
                long needed;
                String why;
                if ("hub".equals(container.getName())) {
                    needed = MEASURED_HUB_PEAK_RSS_BYTES;
                    why = "the hub's measured peak RSS (815 MB)";
                } else if ("artemis".equals(container.getName())) {
                    String jvm = pod.getInitContainers().stream()
                            .flatMap(c -> c.getEnv() == null ? java.util.stream.Stream.empty() : c.getEnv().stream())
                            .filter(e -> e.getName().equals("ARTEMIS_JVM_MEMORY"))
                            .map(e -> e.getValue()).findFirst().orElse(null);
                    if (jvm == null) {
                        if (!document.patch()) {
                            violations.add(where + ": no ARTEMIS_JVM_MEMORY, so no heap to size the limit from");
                        }
                        continue;
                    }
                    needed = bytes(XMX, jvm) + bytes(DIRECT, jvm) + MEASURED_HUB_PEAK_RSS_BYTES - MEASURED_HUB_HEAP_BYTES;
                    why = "heap + direct buffers + the measured non-heap (" + jvm + ")";
                } else {
                    continue;
                }
                if (limit == null) {
                    if (!document.patch()) {
                        violations.add(where + " has no memory limit");
                    }
                } else if (Quantity.getAmountInBytes(limit).compareTo(BigDecimal.valueOf(needed)) < 0) {
                    violations.add(where + ": memory limit " + limit + " is below " + needed / MIB + "Mi, " + why);
                }
            }
        }
        return violations;
    }

    private static long bytes(Pattern pattern, String options) {
        Matcher m = pattern.matcher(options);
        if (!m.find()) {
            return 0;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'k' -> amount * 1024;
            case 'm' -> amount * MIB;
            default -> amount * 1024 * MIB;
        };
    }

    // ---- secrets ---------------------------------------------------------------------------------------------

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)REPLACE[-_A-Z0-9]*|change-?me|<[^<>]+>");
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "(?i)(password|secret|token|key)=([^&;\"]*)");

    /** Every value of every Secret is a placeholder; a violation names the key, never the value. */
    static List<String> realLookingSecrets(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifests.Document document : manifests.documents) {
            if (!(document.resource() instanceof Secret secret)) {
                continue;
            }
            String where = document.where(manifests.root);
            if (secret.getStringData() != null) {
                secret.getStringData().forEach((key, value) -> {
                    if (!isPlaceholder(value)) {
                        violations.add(where + ": stringData." + key + " looks like a real value");
                    }
                });
            }
            if (secret.getData() != null) {
                secret.getData().forEach((key, value) -> {
                    String decoded;
                    try {
                        decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        decoded = value;
                    }
                    if (!isPlaceholder(decoded)) {
                        violations.add(where + ": data." + key + " looks like a real value");
                    }
                });
            }
        }
        return violations;
    }

    /**
     * A placeholder is REPLACE-ME / REPLACE_..., change-me or {@code <...>}, or a longer value (a broker URL) that
     * holds one and whose every password=, secret=, token= and key= parameter is one.
     */
    static boolean isPlaceholder(String value) {
        if (value == null || value.isBlank() || PLACEHOLDER.matcher(value.trim()).matches()) {
            return true;
        }
        if (!PLACEHOLDER.matcher(value).find() || value.matches("(?s).*://[^/@\\s]+:[^/@\\s]+@.*")) {
            return false;
        }
        Matcher parameter = CREDENTIAL_PARAMETER.matcher(value);
        while (parameter.find()) {
            if (!PLACEHOLDER.matcher(parameter.group(2)).matches()) {
                return false;
            }
        }
        return true;
    }

    // ---- kustomizations --------------------------------------------------------------------------------------

    static List<String> missingKustomizationFiles(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (var file : manifests.kustomizations) {
            for (String missing : Kustomization.read(file).missing()) {
                violations.add(manifests.root.relativize(file) + " lists " + missing + ", which does not exist");
            }
        }
        return violations;
    }

    // ---- custom resources ------------------------------------------------------------------------------------

    /** A resource without a fabric8 model has apiVersion, kind and a name, and (when whole) spec.resources. */
    static List<String> incompleteCustomResources(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifests.Document document : manifests.documents) {
            if (!(document.resource() instanceof GenericKubernetesResource generic)) {
                continue;
            }
            String where = document.where(manifests.root);
            if (generic.getApiVersion() == null || generic.getKind() == null) {
                violations.add(where + ": no apiVersion or kind");
            }
            if (generic.getMetadata() == null || generic.getMetadata().getName() == null) {
                violations.add(where + ": no metadata.name");
            }
            if (!document.patch()) {
                Object resources = generic.get("spec", "resources");
                Object memoryLimit = generic.get("spec", "resources", "limits", "memory");
                Object memoryRequest = generic.get("spec", "resources", "requests", "memory");
                if (resources == null || memoryLimit == null || memoryRequest == null) {
                    violations.add(where + ": no spec.resources with memory requests and limits");
                }
            }
        }
        return violations;
    }

    private static PodSpec podSpec(Manifests.Document document) {
        if (document.resource() instanceof Deployment d && d.getSpec() != null && d.getSpec().getTemplate() != null) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (document.resource() instanceof StatefulSet s && s.getSpec() != null && s.getSpec().getTemplate() != null) {
            return s.getSpec().getTemplate().getSpec();
        }
        return null;
    }
}

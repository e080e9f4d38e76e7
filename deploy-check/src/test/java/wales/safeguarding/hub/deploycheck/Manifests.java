package wales.safeguarding.hub.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every YAML document under a folder of manifests, read into fabric8's typed model (a kind fabric8 has no model for
 * becomes a {@code GenericKubernetesResource}), and the folder's kustomization.yaml files as plain maps.
 */
final class Manifests {

    /** The repository's manifests (the surefire configuration in deploy-check/pom.xml points here). */
    static Path repository() {
        return Path.of(System.getProperty("deploy.kubernetes.dir", "../deploy/kubernetes")).toAbsolutePath().normalize();
    }

    /** Where the rules' counter-examples are: one folder per rule under src/test/resources/bad. */
    static Path bad(String rule) {
        return Path.of("src/test/resources/bad", rule).toAbsolutePath();
    }

    /** One document of one file; {@code patch} when a kustomization lists the file as a patch (a partial object). */
    record Document(Path file, int index, boolean patch, KubernetesResource resource) {

        String kind() {
            return resource instanceof HasMetadata m ? m.getKind() : resource.getClass().getSimpleName();
        }

        String name() {
            return resource instanceof HasMetadata m && m.getMetadata() != null ? m.getMetadata().getName() : null;
        }

        /** file, document number, kind and name: what a violation names. */
        String where(Path root) {
            return root.relativize(file) + (index > 0 ? " (document " + (index + 1) + ")" : "") + ": " + kind() + " " + name();
        }
    }

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new YAMLMapper();

    final Path root;
    final List<Document> documents;
    final List<Path> kustomizations;

    private Manifests(Path root, List<Document> documents, List<Path> kustomizations) {
        this.root = root;
        this.documents = documents;
        this.kustomizations = kustomizations;
    }

    static Manifests read(Path root) {
        List<Path> yamlFiles = yamlFiles(root);
        List<Path> kustomizations = yamlFiles.stream().filter(Manifests::isKustomization).toList();
        Set<Path> patches = new HashSet<>();
        for (Path kustomization : kustomizations) {
            for (String patch : Kustomization.read(kustomization).patchPaths()) {
                patches.add(kustomization.getParent().resolve(patch).normalize());
            }
        }
        List<Document> documents = new ArrayList<>();
        for (Path file : yamlFiles) {
            if (isKustomization(file)) {
                continue;
            }
            List<JsonNode> nodes = yamlDocuments(file);
            for (int i = 0; i < nodes.size(); i++) {
                KubernetesResource resource;
                try {
                    resource = SERIALIZATION.unmarshal(nodes.get(i).toString(), KubernetesResource.class);
                } catch (RuntimeException e) {
                    throw new AssertionError(root.relativize(file) + " (document " + (i + 1)
                            + ") does not fit the fabric8 model: " + e.getMessage(), e);
                }
                documents.add(new Document(file, i, patches.contains(file.normalize()), resource));
            }
        }
        return new Manifests(root, documents, kustomizations);
    }

    static List<JsonNode> yamlDocuments(Path file) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            List<JsonNode> nodes = new ArrayList<>();
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    nodes.add(node);
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not YAML", e);
        }
    }

    static Map<String, Object> yamlMap(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = YAML.readValue(file.toFile(), Map.class);
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not YAML", e);
        }
    }

    private static boolean isKustomization(Path file) {
        String name = file.getFileName().toString();
        return name.equals("kustomization.yaml") || name.equals("kustomization.yml");
    }

    private static List<Path> yamlFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

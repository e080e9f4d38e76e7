package wales.safeguarding.hub.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A kustomization.yaml read as a map: the files and folders it names. */
record Kustomization(Path file, Map<String, Object> content) {

    static Kustomization read(Path file) {
        return new Kustomization(file, Manifests.yamlMap(file));
    }

    /** Strategic-merge patches: patches[].path and the older patchesStrategicMerge. */
    List<String> patchPaths() {
        List<String> paths = new ArrayList<>();
        for (Object patch : list("patches")) {
            if (patch instanceof Map<?, ?> map && map.get("path") instanceof String path) {
                paths.add(path);
            }
        }
        for (Object patch : list("patchesStrategicMerge")) {
            if (patch instanceof String path && !path.contains("\n")) {
                paths.add(path);
            }
        }
        return paths;
    }

    /** Every file or folder this kustomization names that does not exist (remote resources left out). */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        Path folder = file.getParent();
        for (String entry : strings(list("resources"))) {
            check(folder, entry, true, missing);
        }
        for (String entry : strings(list("components"))) {
            check(folder, entry, true, missing);
        }
        for (String entry : patchPaths()) {
            check(folder, entry, false, missing);
        }
        for (String generator : List.of("configMapGenerator", "secretGenerator")) {
            for (Object item : list(generator)) {
                if (item instanceof Map<?, ?> map) {
                    for (String key : List.of("files", "envs")) {
                        if (map.get(key) instanceof List<?> files) {
                            for (String entry : strings(files)) {
                                // key=path names the file after the =
                                check(folder, entry.substring(entry.indexOf('=') + 1), false, missing);
                            }
                        }
                    }
                }
            }
        }
        return missing;
    }

    private static void check(Path folder, String entry, boolean folderAllowed, List<String> missing) {
        if (entry.contains("://") || entry.startsWith("github.com/")) {
            return;
        }
        Path target = folder.resolve(entry).normalize();
        boolean ok = Files.isRegularFile(target)
                || folderAllowed && Files.isDirectory(target)
                        && (Files.isRegularFile(target.resolve("kustomization.yaml"))
                                || Files.isRegularFile(target.resolve("kustomization.yml")));
        if (!ok) {
            missing.add(entry);
        }
    }

    private List<?> list(String key) {
        return content.get(key) instanceof List<?> list ? list : List.of();
    }

    private static List<String> strings(List<?> items) {
        return items.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
}

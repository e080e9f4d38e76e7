package wales.safeguarding.hub.directory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fired (CDI event) after the running directory was swapped for a newer version: the ids of the agencies added,
 * changed (any field) and removed. Observers run on the thread that swapped (the refresher's, or the request's that
 * made the change on this instance); the directory already answers with the new entries.
 */
public record DirectoryChanged(Set<String> added, Set<String> changed, Set<String> removed) {

    public DirectoryChanged {
        added = Set.copyOf(added);
        changed = Set.copyOf(changed);
        removed = Set.copyOf(removed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /** What moved from {@code before} to {@code after}, by agency id. */
    public static DirectoryChanged between(Collection<Agency> before, Collection<Agency> after) {
        Map<String, Agency> old = before.stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        Set<String> added = new LinkedHashSet<>();
        Set<String> changed = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>(old.keySet());
        for (Agency agency : after) {
            Agency was = old.get(agency.id());
            removed.remove(agency.id());
            if (was == null) {
                added.add(agency.id());
            } else if (!was.equals(agency)) {
                changed.add(agency.id());
            }
        }
        return new DirectoryChanged(added, changed, removed);
    }
}

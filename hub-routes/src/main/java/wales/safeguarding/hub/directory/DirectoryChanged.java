package wales.safeguarding.hub.directory;

import java.util.Set;

/** Fired after the running directory changed: the agency ids added, changed and removed. */
public record DirectoryChanged(Set<String> added, Set<String> changed, Set<String> removed) {

    public DirectoryChanged {
        added = Set.copyOf(added);
        changed = Set.copyOf(changed);
        removed = Set.copyOf(removed);
    }
}

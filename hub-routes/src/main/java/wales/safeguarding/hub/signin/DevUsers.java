package wales.safeguarding.hub.signin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's dev users for the default run and the tests: {@code name:role[+role],...}, e.g.
 * {@code operator:operator,board:board-viewer}. Production signs people in with Keycloak and has none.
 */
public final class DevUsers {

    /** A dev user and the console roles it holds. */
    public record DevUser(String name, List<String> roles) {
    }

    private final Map<String, DevUser> users;

    private DevUsers(Map<String, DevUser> users) {
        this.users = users;
    }

    /** Parses the configured list; a malformed entry is a configuration error naming the entry. */
    public static DevUsers parse(String list) {
        Map<String, DevUser> users = new LinkedHashMap<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("hub.console.dev-users.users: '" + trimmed
                        + "' is not name:role[+role]");
            }
            String name = trimmed.substring(0, colon).trim();
            List<String> roles = new ArrayList<>();
            Arrays.stream(trimmed.substring(colon + 1).split("\\+")).map(String::trim).filter(r -> !r.isEmpty())
                    .forEach(roles::add);
            users.put(name, new DevUser(name, List.copyOf(roles)));
        }
        return new DevUsers(users);
    }

    public Optional<DevUser> find(String name) {
        return Optional.ofNullable(name == null ? null : users.get(name));
    }

    public List<DevUser> all() {
        return List.copyOf(users.values());
    }
}

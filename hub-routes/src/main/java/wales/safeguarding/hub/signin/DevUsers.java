package wales.safeguarding.hub.signin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's dev users for the default run and the tests: {@code name:role[+role][@board],...}, e.g.
 * {@code operator:operator,board:board-viewer@mid-and-west-wales-safeguarding-board}: {@code @board} names a board
 * viewer's regional safeguarding board (the token's {@code safeguarding_board} claim). Production signs people in
 * with Keycloak and has none.
 */
public final class DevUsers {

    /** A dev user, the console roles it holds and, for a board viewer, its board (else null). */
    public record DevUser(String name, List<String> roles, String safeguardingBoard) {

        public DevUser(String name, List<String> roles) {
            this(name, roles, null);
        }
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
                        + "' is not name:role[+role][@board]");
            }
            String name = trimmed.substring(0, colon).trim();
            String rest = trimmed.substring(colon + 1);
            int at = rest.indexOf('@');
            String board = at < 0 ? null : rest.substring(at + 1).trim();
            if (board != null && board.isEmpty()) {
                throw new IllegalArgumentException("hub.console.dev-users.users: '" + trimmed + "' names no board after @");
            }
            List<String> roles = new ArrayList<>();
            Arrays.stream((at < 0 ? rest : rest.substring(0, at)).split("\\+")).map(String::trim)
                    .filter(r -> !r.isEmpty()).forEach(roles::add);
            users.put(name, new DevUser(name, List.copyOf(roles), board));
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

package wales.safeguarding.hub.console;

import java.util.List;

/** The console's roles, exactly as the token carries them ({@code groups} or realm roles). */
public final class ConsoleRoles {

    /** Flows, queues, replays, the directory (read). */
    public static final String OPERATOR = "operator";
    /** The audit trail. */
    public static final String AUDITOR = "auditor";
    /** Aggregate reports only: never a body or a child identifier. */
    public static final String BOARD_VIEWER = "board-viewer";
    /** The directory. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(OPERATOR, AUDITOR, BOARD_VIEWER, ADMIN);

    private ConsoleRoles() {
    }
}

package wales.safeguarding.hub.console;

import java.util.List;

/** The console's roles, exactly as the token carries them ({@code groups} or realm roles). */
public final class ConsoleRoles {

    /** Flows, queues, replays, the directory (read). */
    public static final String OPERATOR = "operator";
    /** The audit trail. */
    public static final String AUDITOR = "auditor";
    /**
     * Aggregate reports only, never a body or a child identifier, and only of the region of the board the sign-in
     * names (claim {@code safeguarding_board}).
     */
    public static final String BOARD_VIEWER = "board-viewer";
    /** Aggregate reports of the whole of Wales (the National Independent Safeguarding Board, Welsh Government). */
    public static final String NATIONAL_VIEWER = "national-viewer";
    /** The directory. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(OPERATOR, AUDITOR, BOARD_VIEWER, NATIONAL_VIEWER, ADMIN);

    private ConsoleRoles() {
    }
}

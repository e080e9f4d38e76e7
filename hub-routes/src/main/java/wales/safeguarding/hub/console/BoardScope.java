package wales.safeguarding.hub.console;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import wales.safeguarding.hub.directory.Agency;

/**
 * What of the board report a viewer may see (issue 15 item 5; review recommendation 2.2 and 4.1: each regional
 * safeguarding board oversees its own region). A regional board's viewer sees the councils whose
 * {@code safeguardingBoard} is that board, and each agency's figures only from those councils' cases; the national
 * role, and the hub's own operators and auditors, see all of Wales. Plain logic: the console resource decides the
 * scope from the token, the report applies it.
 *
 * @param board the agency id of the regional safeguarding board, or null for the whole of Wales
 */
public record BoardScope(String board) {

    private static final BoardScope WALES = new BoardScope(null);

    /** The whole of Wales. */
    public static BoardScope wales() {
        return WALES;
    }

    /** One regional board's councils. */
    public static BoardScope region(String board) {
        if (board == null || board.isBlank()) {
            throw new IllegalArgumentException("a regional scope names its safeguarding board");
        }
        return new BoardScope(board);
    }

    public Optional<String> regionalBoard() {
        return Optional.ofNullable(board);
    }

    /**
     * Whether a fact counted for this council is in scope. For a region, a fact of no council (the report's
     * {@code unknown} group) is not: it cannot be placed in the region.
     */
    public Predicate<String> councils(Function<String, Optional<Agency>> directory) {
        if (board == null) {
            return council -> true;
        }
        return council -> council != null
                && directory.apply(council).map(a -> board.equals(a.safeguardingBoard())).orElse(false);
    }
}

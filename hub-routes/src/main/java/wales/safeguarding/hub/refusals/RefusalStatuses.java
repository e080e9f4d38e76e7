package wales.safeguarding.hub.refusals;

import java.util.Set;

/** The answers that count as a refusal of an agency's request, and the problem type a bare one stands for. */
public final class RefusalStatuses {

    public static final Set<Integer> COUNTED = Set.of(401, 403, 409, 413, 415, 422, 429);

    private RefusalStatuses() {
    }

    public static boolean counted(int status) {
        return COUNTED.contains(status);
    }

    /**
     * The problem type of the answer: the last segment of its problem-details {@code type} when the hub wrote one,
     * or a name for the status when something before the hub's code answered (the token check's 401, the HTTP
     * layer's 413).
     */
    public static String problemType(int status, String problemTypeUri) {
        if (problemTypeUri != null && !problemTypeUri.isBlank()) {
            return problemTypeUri.substring(problemTypeUri.lastIndexOf('/') + 1);
        }
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "rate-limited";
            default -> "status-" + status;
        };
    }
}

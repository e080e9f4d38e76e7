package wales.safeguarding.hub.problems;

import java.util.List;

import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.schemas.validation.Violation;

/** Refuses a request with a problem-details answer. Nothing has been stored when it is thrown. */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Long retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Long retryAfterSeconds) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** The {@code Retry-After} of the answer, in seconds; null when trying again later would not help. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The agency sent faster than its rate limit allows (issue 11 finding 6). */
    public static ProblemException rateLimited(long perMinute, long burst, long retryAfterSeconds) {
        return new ProblemException(Problem.of("rate-limited", "Too many messages", 429,
                "an agency may send " + perMinute + " messages a minute in bursts of up to " + burst
                        + "; try again in " + retryAfterSeconds + " s"), retryAfterSeconds);
    }

    /** As {@link #rateLimited(long, long, long)}, for another limit than intake's (register enquiries). */
    public static ProblemException rateLimited(String title, long retryAfterSeconds, String detail) {
        return new ProblemException(Problem.of("rate-limited", title, 429, detail), retryAfterSeconds);
    }

    public static ProblemException notJson(String detail) {
        return new ProblemException(Problem.of("not-json", "The request body is not JSON", 400, detail));
    }

    /** The request's {@code Content-Type} is not JSON (issue 11 finding 6); {@code rule} says what it must be. */
    public static ProblemException unsupportedMediaType(String rule) {
        return new ProblemException(Problem.of("unsupported-media-type", "The request body must be JSON", 415, rule));
    }

    public static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.of("too-large", "The message is too large", 413,
                "a message may be at most " + limit + " bytes"));
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(Problem.of("schema-violation", "The message breaks the canonical contract", 422,
                violations.size() + " violation(s); each names the field (JSON pointer) and the rule", violations));
    }

    public static ProblemException unroutable(List<Violation> violations) {
        return new ProblemException(Problem.of("unroutable", "The message cannot be routed", 422,
                violations.size() + " violation(s); each names the field (JSON pointer) and the rule", violations));
    }

    /** A recipient's system could not be sent its copy (issue 10 defect 10); each violation names the recipient. */
    public static ProblemException unsendable(List<Violation> violations) {
        return new ProblemException(Problem.of("unsendable", "A recipient's system cannot be sent the message", 422,
                violations.size() + " violation(s); each names the recipient, the field (JSON pointer) and the rule",
                violations));
    }

    public static ProblemException senderMismatch(String caller, String sender) {
        return new ProblemException(Problem.of("sender-mismatch", "An agency may only send as itself", 403,
                "the token acts for '" + caller + "' but the message's sender is '" + sender + "'",
                List.of(new Violation("/sender", "sender-is-caller", "must be the agency the token acts for"))));
    }

    public static ProblemException messageIdReused(String messageId) {
        return new ProblemException(Problem.of("message-id-reused", "The message id is already used", 409,
                "message " + messageId + " was accepted before with different content; a new message needs a new id",
                List.of(new Violation("/messageId", "unique-message-id", "already used for a different message"))));
    }

    /**
     * Another agency sent a message under this id first (issue 11 finding 1). Says nothing of that message or its
     * sender, and only the second sender hears it; the first message is untouched.
     */
    public static ProblemException messageIdTaken() {
        return new ProblemException(Problem.of("message-id-taken", "The message id is taken", 409,
                "the messageId is not available; choose a new id (a random UUID) and send the message again",
                List.of(new Violation("/messageId", "unique-message-id", "not available: choose a new id"))));
    }

    public static ProblemException notFound(String messageId) {
        return new ProblemException(Problem.of("not-found", "No such message", 404, "no message " + messageId));
    }

    public static ProblemException unknownClient(String clientId) {
        return new ProblemException(Problem.of("unknown-client", "The client acts for no agency", 403,
                "client '" + clientId + "' is not mapped to an agency in the directory"));
    }
}

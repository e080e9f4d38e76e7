package wales.safeguarding.hub.console;

import java.util.List;

import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.schemas.validation.Violation;

/** The console's refusals of a request: 400 naming each field (JSON pointer or query parameter) and the rule. */
public final class ConsoleProblems {

    private ConsoleProblems() {
    }

    public static ProblemException invalid(String field, String rule, String message) {
        return invalid(List.of(new Violation(field, rule, message)));
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(Problem.of("invalid-request", "The request is not valid", 400,
                violations.size() + " violation(s); each names the field and the rule", violations));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, what));
    }
}

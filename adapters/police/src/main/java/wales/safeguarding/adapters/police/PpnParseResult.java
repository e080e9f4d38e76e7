package wales.safeguarding.adapters.police;

import java.util.List;
import org.w3c.dom.Document;

/** What {@link PpnParser#parse} made of the bytes: a notice that keeps the contract, or why not. */
public sealed interface PpnParseResult permits PpnParseResult.Accepted, PpnParseResult.Rejected {

    /** True for {@link Accepted}. */
    boolean accepted();

    /**
     * The notice kept the contract.
     *
     * @param notice   the notice, read from the validated document
     * @param document the validated DOM (namespace-aware; no DTD, entities or XIncludes were processed); a fresh
     *                 copy per parse, not thread-safe, and like the notice full of personal data
     */
    record Accepted(PublicProtectionNotice notice, Document document) implements PpnParseResult {
        @Override
        public boolean accepted() {
            return true;
        }

        @Override
        public String toString() {
            return "Accepted[" + notice + "]";
        }
    }

    /**
     * The notice was refused.
     *
     * @param errors every error found, in document order (at least one); parsing stops at the first
     *               well-formedness error or after {@link PpnParser#MAX_ERRORS} errors
     */
    record Rejected(List<PpnError> errors) implements PpnParseResult {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one error");
            }
        }

        @Override
        public boolean accepted() {
            return false;
        }
    }
}

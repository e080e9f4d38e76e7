package wales.safeguarding.adapters.police;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Collects the errors of one parse, from the XML reader (well-formedness: fatal, parsing stops) and from the XSD
 * validator (parsing goes on, so the sender learns of every mistake at once, up to {@link PpnParser#MAX_ERRORS}).
 * Never keeps a parser's own message: those quote the offending value.
 */
final class ErrorSink {

    /** Thrown to end a parse early; the reason is already among the errors. */
    static final class Stop extends SAXException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("parsing stopped");
        }
    }

    private final List<PpnError> errors = new ArrayList<>();
    private final Supplier<String> currentElement;

    ErrorSink(Supplier<String> currentElement) {
        this.currentElement = currentElement;
    }

    List<PpnError> errors() {
        return List.copyOf(errors);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Adds the error; stops the parse once there are too many. */
    void add(PpnError error) throws Stop {
        if (!errors.isEmpty() && samePlace(errors.get(errors.size() - 1), error)) {
            // Xerces reports a knock-on error where it found the first (an element inside a text-only element
            // also makes its text fail the pattern); the first one says what is wrong
            return;
        }
        if (errors.size() >= PpnParser.MAX_ERRORS) {
            errors.add(new PpnError("/", error.line(), error.column(), PpnError.TOO_MANY_ERRORS,
                    "more than " + PpnParser.MAX_ERRORS + " errors; the rest of the notice was not checked"));
            throw new Stop();
        }
        errors.add(error);
    }

    private static boolean samePlace(PpnError a, PpnError b) {
        return a.element().equals(b.element()) && a.line() == b.line() && a.column() == b.column();
    }

    /** Adds the error and stops the parse. */
    void stop(PpnError error) throws Stop {
        add(error);
        throw new Stop();
    }

    /** For the XML reader: anything it reports means the bytes are not a notice we will read. */
    ErrorHandler readerHandler() {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // nothing a warning from a non-validating reader says changes the outcome
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                stop(XmlErrors.fromReader(e, currentElement.get()));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                stop(XmlErrors.fromReader(e, currentElement.get()));
            }
        };
    }

    /** For the XSD validator: collect and go on. */
    ErrorHandler validatorHandler() {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // the validator warns only about schema loading, which happened before any notice arrived
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                var error = XmlErrors.fromValidator(e, currentElement.get());
                if (error.isPresent()) {
                    add(error.get());
                }
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                stop(XmlErrors.fromValidator(e, currentElement.get())
                        .orElseGet(() -> XmlErrors.fromReader(e, currentElement.get())));
            }
        };
    }
}

package wales.safeguarding.adapters.police;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a Public Protection Notice from the bytes a police force sent, checks it against
 * {@code schemas/police/ppn-1.0.xsd} (in the {@code schemas} module) and the rules the XSD cannot express, and
 * returns the notice or every error found. One pass: the hardened SAX reader feeds the XSD validator, which feeds
 * the DOM builder; nothing the notice refers to outside itself is ever loaded (see {@link HardenedXml}).
 *
 * <p>Thread-safe: the compiled schema is shared, and each parse makes its own reader, validator and document.
 */
public final class PpnParser {

    /** The PPN 1.0 namespace; the root element is {@code notice}. */
    public static final String NAMESPACE = "https://schemas.safeguarding.wales/hub/police/ppn/1.0";
    /** Where the XSD is on the classpath. */
    public static final String XSD_RESOURCE = "schemas/police/ppn-1.0.xsd";
    /** Larger notices are refused unread (the hub's HTTP limit for a message is 2 MB too). */
    public static final int MAX_NOTICE_BYTES = 2 * 1024 * 1024;
    /** The longest text the XSD allows in any element (the narrative); longer text stops the parse at once. */
    public static final int MAX_TEXT_CHARS = 16_000;
    /** After this many errors the rest of a notice is not checked. */
    public static final int MAX_ERRORS = 50;

    private final Schema schema;
    private final boolean refuseDoctype;

    private PpnParser(Schema schema, boolean refuseDoctype) {
        this.schema = schema;
        this.refuseDoctype = refuseDoctype;
    }

    /** The parser for the XSD in the schemas jar; compiled on first use and shared after that. */
    public static PpnParser fromClasspath() {
        return Loaded.INSTANCE;
    }

    /**
     * Only for the tests that show the other guards hold on their own: the same parser, but a DOCTYPE is read
     * (external entities, external DTDs and entity expansion are still refused or limited).
     */
    static PpnParser withDoctypeAllowedForTesting() {
        return new PpnParser(Loaded.INSTANCE.schema, false);
    }

    /**
     * Parses and validates one notice. Never throws for anything in the bytes: every problem is an error in
     * {@link PpnParseResult.Rejected}, naming the element, line and rule, never the value.
     */
    public PpnParseResult parse(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        if (xml.length > MAX_NOTICE_BYTES) {
            return new PpnParseResult.Rejected(List.of(new PpnError("/", 0, 0, PpnError.TOO_LARGE,
                    "is larger than " + MAX_NOTICE_BYTES + " bytes; it was not read")));
        }
        DomBuilder dom = new DomBuilder(newDocument());
        ValidatorHandler validator = schema.newValidatorHandler();
        HardenedXml.harden(validator);
        validator.setContentHandler(dom);
        PathTracker tracker = new PathTracker(validator);
        ErrorSink errors = new ErrorSink(tracker::currentPath);
        tracker.reportTo(errors);
        validator.setErrorHandler(errors.validatorHandler());
        try {
            XMLReader reader = HardenedXml.reader(refuseDoctype);
            reader.setContentHandler(tracker);
            reader.setErrorHandler(errors.readerHandler());
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (HardenedXml.ExternalReferenceRefused e) {
            return rejected(errors, new PpnError(tracker.currentPath(), 0, 0, PpnError.EXTERNAL_REFERENCE,
                    "refers to an external resource; the hub never loads one"));
        } catch (SAXException | IOException e) {
            // the reason is normally among the errors already (ErrorSink saw it before the reader threw)
            return rejected(errors, new PpnError(tracker.currentPath(), 0, 0, PpnError.NOT_WELL_FORMED,
                    "could not be read as XML"));
        }
        if (!errors.isEmpty()) {
            return new PpnParseResult.Rejected(errors.errors());
        }
        Document document = dom.document();
        List<PpnError> ruleErrors = NoticeReader.check(document);
        if (!ruleErrors.isEmpty()) {
            return new PpnParseResult.Rejected(ruleErrors);
        }
        return new PpnParseResult.Accepted(NoticeReader.read(document), document);
    }

    private static PpnParseResult rejected(ErrorSink errors, PpnError fallback) {
        return new PpnParseResult.Rejected(errors.isEmpty() ? List.of(fallback) : errors.errors());
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            // it only creates an empty document here, but a factory that could read one is hardened all the same
            factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(HardenedXml.DISALLOW_DOCTYPE, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot make a DOM document", e);
        }
    }

    private static final class Loaded {
        static final PpnParser INSTANCE = new PpnParser(load(), true);

        private static Schema load() {
            URL xsd = PpnParser.class.getClassLoader().getResource(XSD_RESOURCE);
            if (xsd == null) {
                throw new IllegalStateException("PPN schema not on the classpath: " + XSD_RESOURCE);
            }
            try (InputStream in = xsd.openStream()) {
                return HardenedXml.schemaFactory().newSchema(new StreamSource(in, xsd.toExternalForm()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + XSD_RESOURCE, e);
            } catch (SAXException e) {
                throw new IllegalStateException("PPN schema " + XSD_RESOURCE + " does not compile: " + e.getMessage(), e);
            }
        }
    }
}

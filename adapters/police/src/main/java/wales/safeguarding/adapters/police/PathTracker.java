package wales.safeguarding.adapters.police;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Sits between the XML reader and the XSD validator: knows which element is being read (so each error names it),
 * and stops a text longer than any the contract allows before the validator runs a pattern over it.
 */
final class PathTracker implements ContentHandler {

    /** Elements that may repeat; their position goes into the path ({@code child[2]}). */
    private static final Set<String> REPEATABLE = Set.of("child", "adult", "line", "category");

    private final ContentHandler next;
    private final Deque<String> paths = new ArrayDeque<>();
    private final Deque<Map<String, Integer>> siblings = new ArrayDeque<>();
    private final Deque<int[]> textLengths = new ArrayDeque<>();
    private ErrorSink errors;
    private Locator locator;

    PathTracker(ContentHandler next) {
        this.next = next;
        siblings.push(new HashMap<>());
    }

    void reportTo(ErrorSink sink) {
        this.errors = sink;
    }

    /** The element being read, e.g. {@code /notice/children/child[2]/name}; {@code /} outside the root. */
    String currentPath() {
        return paths.isEmpty() ? "/" : paths.peek();
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
        next.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
        next.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
        next.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        next.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        next.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        // an element from another namespace is named in full, so an xi:include or a look-alike root is plain
        String name = PpnParser.NAMESPACE.equals(uri) || uri.isEmpty() ? localName : "{" + uri + "}" + localName;
        int position = siblings.peek().merge(name, 1, Integer::sum);
        String step = REPEATABLE.contains(name) ? name + "[" + position + "]" : name;
        paths.push((paths.isEmpty() ? "" : paths.peek()) + "/" + step);
        siblings.push(new HashMap<>());
        textLengths.push(new int[1]);
        next.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        // the validator checks the element's content now, while the path still names it
        next.endElement(uri, localName, qName);
        paths.pop();
        siblings.pop();
        textLengths.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (!textLengths.isEmpty()) {
            int[] total = textLengths.peek();
            total[0] += length;
            if (total[0] > PpnParser.MAX_TEXT_CHARS) {
                errors.stop(new PpnError(currentPath(), line(), column(), PpnError.MAX_LENGTH,
                        "is longer than any text the contract allows (" + PpnParser.MAX_TEXT_CHARS + " characters)"));
            }
        }
        next.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        next.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        next.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        next.skippedEntity(name);
    }

    private int line() {
        return locator == null ? 0 : Math.max(0, locator.getLineNumber());
    }

    private int column() {
        return locator == null ? 0 : Math.max(0, locator.getColumnNumber());
    }
}

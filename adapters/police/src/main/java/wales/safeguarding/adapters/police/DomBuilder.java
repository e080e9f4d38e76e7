package wales.safeguarding.adapters.police;

import java.util.ArrayDeque;
import java.util.Deque;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds the DOM from the events the validator passed on. Each element keeps the line and column it started at, so
 * checks made after validation (the NHS number's check digit) can say where, like the validator does. Comments and
 * processing instructions are not kept.
 */
final class DomBuilder extends DefaultHandler {

    static final String LINE = "ppn.line";
    static final String COLUMN = "ppn.column";

    private final Document document;
    private final Deque<Node> open = new ArrayDeque<>();
    private Locator locator;

    DomBuilder(Document document) {
        this.document = document;
        open.push(document);
    }

    Document document() {
        return document;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
        for (int i = 0; i < attributes.getLength(); i++) {
            String attributeUri = attributes.getURI(i);
            element.setAttributeNS(attributeUri.isEmpty() ? null : attributeUri, attributes.getQName(i),
                    attributes.getValue(i));
        }
        if (locator != null) {
            element.setUserData(LINE, locator.getLineNumber(), null);
            element.setUserData(COLUMN, locator.getColumnNumber(), null);
        }
        open.peek().appendChild(element);
        open.push(element);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        open.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        Node parent = open.peek();
        if (parent == document) {
            return;
        }
        Node last = parent.getLastChild();
        if (last instanceof Text text) {
            text.appendData(new String(ch, start, length));
        } else {
            parent.appendChild(document.createTextNode(new String(ch, start, length)));
        }
    }
}

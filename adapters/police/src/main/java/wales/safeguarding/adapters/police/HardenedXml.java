package wales.safeguarding.adapters.police;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

/**
 * The JDK's own JAXP (never whatever parser happens to be on the classpath, whose features may mean something else),
 * configured so that a notice cannot make the hub read a file, call a URL or spend unbounded memory or time.
 *
 * <p>Several layers, each enough on its own against the usual attacks, so that one setting lost in a JDK upgrade
 * does not open the door: no DOCTYPE at all; no external general or parameter entities and no external DTD even if
 * a DOCTYPE got through; no access to any external DTD or schema URL; no XInclude; an entity resolver that refuses
 * everything; JDK limits on entity expansion, entity sizes, element depth, attribute count and name length; and
 * {@link XMLConstants#FEATURE_SECURE_PROCESSING} on every factory. Input size and text length are bounded by
 * {@link PpnParser} before any of this runs.
 */
final class HardenedXml {

    static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    /** JDK limits (java.xml module); a notice declares no entities and is five elements deep, so these are generous. */
    static final String ENTITY_EXPANSION_LIMIT = "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit";
    static final String MAX_GENERAL_ENTITY_SIZE = "http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit";
    static final String MAX_PARAMETER_ENTITY_SIZE =
            "http://www.oracle.com/xml/jaxp/properties/maxParameterEntitySizeLimit";
    static final String TOTAL_ENTITY_SIZE = "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit";
    static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
    static final String ELEMENT_ATTRIBUTE_LIMIT = "http://www.oracle.com/xml/jaxp/properties/elementAttributeLimit";
    static final String MAX_XML_NAME = "http://www.oracle.com/xml/jaxp/properties/maxXMLNameLimit";

    static final int ENTITY_EXPANSIONS = 100;
    static final int ENTITY_SIZE = 4_096;
    static final int ELEMENT_DEPTH = 32;
    static final int ATTRIBUTES = 32;
    static final int NAME_LENGTH = 256;

    private HardenedXml() {
    }

    /**
     * A namespace-aware, non-validating SAX reader with every guard on. {@code refuseDoctype} is false only in the
     * tests that check the other guards hold without the first one.
     */
    static XMLReader reader(boolean refuseDoctype) {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, refuseDoctype);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.setProperty(ENTITY_EXPANSION_LIMIT, String.valueOf(ENTITY_EXPANSIONS));
            parser.setProperty(MAX_GENERAL_ENTITY_SIZE, String.valueOf(ENTITY_SIZE));
            parser.setProperty(MAX_PARAMETER_ENTITY_SIZE, String.valueOf(ENTITY_SIZE));
            parser.setProperty(TOTAL_ENTITY_SIZE, String.valueOf(ENTITY_SIZE * 4));
            parser.setProperty(MAX_ELEMENT_DEPTH, String.valueOf(ELEMENT_DEPTH));
            parser.setProperty(ELEMENT_ATTRIBUTE_LIMIT, String.valueOf(ATTRIBUTES));
            parser.setProperty(MAX_XML_NAME, String.valueOf(NAME_LENGTH));
            XMLReader reader = parser.getXMLReader();
            reader.setEntityResolver(HardenedXml::refuseExternal);
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            // fail closed: a JDK that cannot apply a guard gets no parser at all
            throw new IllegalStateException("cannot configure a hardened XML parser: " + e.getMessage(), e);
        }
    }

    /** A schema factory for our own XSD (trusted, from the classpath): still no external access. */
    static SchemaFactory schemaFactory() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("cannot configure a hardened schema factory: " + e.getMessage(), e);
        }
        return factory;
    }

    /**
     * The validator must not follow an {@code xsi:schemaLocation} in the notice either. (A validator made from a
     * compiled {@link javax.xml.validation.Schema} uses only that schema's grammars; this makes sure of it.)
     */
    static void harden(ValidatorHandler validator) {
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("cannot configure a hardened validator: " + e.getMessage(), e);
        }
    }

    /** What the entity resolver throws: whatever the notice refers to, the hub does not load it. */
    static final class ExternalReferenceRefused extends SAXException {
        private static final long serialVersionUID = 1L;

        ExternalReferenceRefused() {
            super("external references are not loaded");
        }
    }

    private static InputSource refuseExternal(String publicId, String systemId) throws SAXException {
        throw new ExternalReferenceRefused();
    }
}

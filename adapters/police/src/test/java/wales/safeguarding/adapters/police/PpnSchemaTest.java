package wales.safeguarding.adapters.police;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import wales.safeguarding.adapters.police.PublicProtectionNotice.DashLevel;
import wales.safeguarding.adapters.police.PublicProtectionNotice.IncidentType;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/** The XSD is the supplier's contract: documented, and in step with the duty-to-report and the Java enums. */
class PpnSchemaTest {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static Document xsd;

    @BeforeAll
    static void readTheXsd() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = PpnSchemaTest.class.getClassLoader().getResourceAsStream(PpnParser.XSD_RESOURCE)) {
            xsd = factory.newDocumentBuilder().parse(in);
        }
    }

    @Test
    void should_document_every_element_and_every_simple_type() {
        List<String> undocumented = new ArrayList<>();
        NodeList elements = xsd.getElementsByTagNameNS(XS, "element");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (!documented(element)) {
                undocumented.add("element " + element.getAttribute("name"));
            }
        }
        // complex types are documented through the elements of that type; a simple type says what it allows,
        // on itself or on each of its values
        NodeList simpleTypes = xsd.getElementsByTagNameNS(XS, "simpleType");
        for (int i = 0; i < simpleTypes.getLength(); i++) {
            Element type = (Element) simpleTypes.item(i);
            if (!documented(type) && !enumerationIsDocumented(type)) {
                undocumented.add("simpleType " + type.getAttribute("name"));
            }
        }
        assertThat(elements.getLength()).isGreaterThan(40);
        assertThat(undocumented).isEmpty();
    }

    @Test
    void should_allow_the_same_categories_of_concern_as_the_duty_to_report() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("schemas/body/duty-to-report.schema.json")) {
            schema = CanonicalJson.mapper().readTree(in);
        }
        List<String> canonical = new ArrayList<>();
        schema.at("/properties/categoriesOfConcern/items/enum").forEach(v -> canonical.add(v.textValue()));

        assertThat(enumeration("CategoryOfConcern")).containsExactlyElementsOf(canonical);
    }

    @Test
    void should_match_the_java_enums() {
        assertThat(enumeration("IncidentType"))
                .containsExactlyElementsOf(Arrays.stream(IncidentType.values()).map(IncidentType::wireName).toList());
        assertThat(enumeration("DashLevel"))
                .containsExactlyElementsOf(Arrays.stream(DashLevel.values()).map(DashLevel::wireName).toList());
        assertThat(enumeration("LanguagePreference")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(LanguagePreference.values()).map(LanguagePreference::code).toList());
    }

    @Test
    void should_declare_the_ppn_namespace_and_nothing_to_import() {
        Element schema = xsd.getDocumentElement();

        assertThat(schema.getAttribute("targetNamespace")).isEqualTo(PpnParser.NAMESPACE);
        assertThat(xsd.getElementsByTagNameNS(XS, "import").getLength()).isZero();
        assertThat(xsd.getElementsByTagNameNS(XS, "include").getLength()).isZero();
    }

    private static boolean documented(Element declaration) {
        for (Node n = declaration.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XS.equals(e.getNamespaceURI()) && e.getLocalName().equals("annotation")) {
                return e.getElementsByTagNameNS(XS, "documentation").getLength() > 0
                        && !e.getTextContent().isBlank();
            }
        }
        return false;
    }

    private static boolean enumerationIsDocumented(Element simpleType) {
        NodeList values = simpleType.getElementsByTagNameNS(XS, "enumeration");
        if (values.getLength() == 0) {
            return false;
        }
        for (int i = 0; i < values.getLength(); i++) {
            if (!documented((Element) values.item(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> enumeration(String simpleType) {
        NodeList types = xsd.getElementsByTagNameNS(XS, "simpleType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (simpleType.equals(type.getAttribute("name"))) {
                NodeList values = type.getElementsByTagNameNS(XS, "enumeration");
                List<String> found = new ArrayList<>();
                for (int j = 0; j < values.getLength(); j++) {
                    found.add(((Element) values.item(j)).getAttribute("value"));
                }
                return found;
            }
        }
        throw new AssertionError("no simpleType " + simpleType + " in the XSD");
    }
}

package wales.safeguarding.adapters.police;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.SAXParseException;

/**
 * Turns the JDK parser's and validator's exceptions into {@link PpnError}s. Their messages quote the offending
 * value ("Value 'W0600001' is not facet-valid ..."), so only the constraint key ({@code cvc-pattern-valid}) and
 * names the schema defines (the elements expected) are taken from them; the words are ours.
 */
final class XmlErrors {

    /** Xerces starts each validation message with the XML Schema constraint it broke. */
    private static final Pattern CONSTRAINT = Pattern.compile("^(cvc-[A-Za-z0-9.\\-]+):");
    /** Element names in a validation message: {@code '{"namespace":name, "namespace":other}'}. */
    private static final Pattern NAME_LIST = Pattern.compile("'\\{([^{}']*)\\}'");
    private static final Pattern QUOTED = Pattern.compile("'([^']{1,256})'");
    /** JDK limit messages carry a JAXPnnnnnnnn code in every locale. */
    private static final Pattern JDK_LIMIT = Pattern.compile("JAXP0\\d{7}");

    private XmlErrors() {
    }

    /** A well-formedness error or a refused DOCTYPE/limit, from the XML reader. */
    static PpnError fromReader(SAXParseException e, String element) {
        String text = String.valueOf(e.getMessage());
        if (text.contains(HardenedXml.DISALLOW_DOCTYPE)) {
            return error(e, element, PpnError.DOCTYPE_NOT_ALLOWED,
                    "a DOCTYPE declaration is not allowed: a notice declares no DTD and no entities");
        }
        if (JDK_LIMIT.matcher(text).find()) {
            return error(e, element, PpnError.XML_LIMIT, "goes beyond a limit of the hub's XML parser (entity "
                    + "expansions, entity size, element depth, attributes per element or name length)");
        }
        if (text.contains("accessExternal")) {
            return error(e, element, PpnError.EXTERNAL_REFERENCE,
                    "refers to an external resource; the hub never loads one");
        }
        return error(e, element, PpnError.NOT_WELL_FORMED, "is not well-formed XML");
    }

    /** An XSD violation; empty for Xerces' follow-up messages, which repeat one already reported. */
    static Optional<PpnError> fromValidator(SAXParseException e, String element) {
        String text = String.valueOf(e.getMessage());
        Matcher constraint = CONSTRAINT.matcher(text);
        String key = constraint.find() ? constraint.group(1) : "";
        switch (key) {
            case "cvc-type.3.1.3":      // "The value '...' of element 'x' is not valid": follows the facet error
            case "cvc-attribute.3":     // the same for an attribute
            case "cvc-complex-type.2.2": // the same for a simple-content element with children
                return Optional.empty();
            case "cvc-pattern-valid":
                return Optional.of(error(e, element, PpnError.PATTERN,
                        "does not have the form the contract requires for this element"));
            case "cvc-enumeration-valid":
                return Optional.of(error(e, element, PpnError.ENUMERATION,
                        "is not one of the values the contract allows for this element"));
            case "cvc-minLength-valid":
                return Optional.of(error(e, element, PpnError.MIN_LENGTH, "is empty or shorter than the contract allows"));
            case "cvc-maxLength-valid":
                return Optional.of(error(e, element, PpnError.MAX_LENGTH, "is longer than the contract allows"));
            case "cvc-complex-type.2.4.a":
                return Optional.of(error(e, element, PpnError.UNEXPECTED_ELEMENT,
                        "is not allowed here; expected " + expected(text)));
            case "cvc-complex-type.2.4.b":
                return Optional.of(error(e, element, PpnError.MISSING_ELEMENT,
                        "is not complete; expected " + expected(text)));
            case "cvc-complex-type.2.4.d":
                return Optional.of(error(e, element, PpnError.UNEXPECTED_ELEMENT,
                        "is not allowed here; no more elements were expected"));
            case "cvc-complex-type.2.4.e", "cvc-complex-type.2.4.f":
                return Optional.of(error(e, element, PpnError.UNEXPECTED_ELEMENT,
                        "occurs more often than the contract allows"));
            case "cvc-type.3.1.2", "cvc-complex-type.2.1":
                return Optional.of(error(e, element, PpnError.ELEMENT_NOT_ALLOWED,
                        "holds text only and must not contain elements"));
            case "cvc-complex-type.2.3":
                return Optional.of(error(e, element, PpnError.TEXT_NOT_ALLOWED,
                        "holds elements only; text is not allowed in it"));
            case "cvc-complex-type.3.2.2":
                return Optional.of(error(e, attribute(element, text), PpnError.UNEXPECTED_ATTRIBUTE,
                        "is an attribute the contract does not allow"));
            case "cvc-identity-constraint.4.1":
                return Optional.of(error(e, element, PpnError.UNIQUE, "repeats a value that may appear only once"));
            case "cvc-elt.1.a", "cvc-elt.1":
                return Optional.of(error(e, element, PpnError.UNKNOWN_ROOT_ELEMENT,
                        "is not a Public Protection Notice: the root element must be notice in namespace "
                                + PpnParser.NAMESPACE));
            default:
                if (key.startsWith("cvc-datatype-valid")) {
                    return Optional.of(error(e, element, PpnError.DATATYPE,
                            "is not a valid value of this element's type (e.g. not a real date, or not true/false)"));
                }
                if (key.endsWith("-valid")) {
                    String facet = key.substring("cvc-".length(), key.length() - "-valid".length());
                    return Optional.of(error(e, element, facet, "breaks the " + facet + " facet of this element's type"));
                }
                String rule = key.isEmpty() ? "schema" : key;
                return Optional.of(error(e, element, rule, "breaks the PPN schema (constraint " + rule + ")"));
        }
    }

    private static PpnError error(SAXParseException e, String element, String rule, String message) {
        return new PpnError(element, Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()), rule, message);
    }

    /** The names in the last {...} list of the message: the elements the schema expected there. */
    private static String expected(String text) {
        Matcher lists = NAME_LIST.matcher(text);
        String last = null;
        while (lists.find()) {
            last = lists.group(1);
        }
        if (last == null) {
            return "another element (see the PPN schema)";
        }
        List<String> names = new ArrayList<>();
        for (String qualified : last.split(",")) {
            String name = qualified.trim();
            int colon = name.lastIndexOf(':');
            names.add(colon >= 0 ? name.substring(colon + 1) : name);
        }
        return names.size() == 1 ? names.get(0) : "one of " + String.join(", ", names);
    }

    private static String attribute(String element, String text) {
        Matcher quoted = QUOTED.matcher(text);
        return quoted.find() ? element + "/@" + quoted.group(1) : element;
    }
}

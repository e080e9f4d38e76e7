package wales.safeguarding.adapters.police;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import wales.safeguarding.adapters.police.PublicProtectionNotice.Address;
import wales.safeguarding.adapters.police.PublicProtectionNotice.Adult;
import wales.safeguarding.adapters.police.PublicProtectionNotice.Child;
import wales.safeguarding.adapters.police.PublicProtectionNotice.DashLevel;
import wales.safeguarding.adapters.police.PublicProtectionNotice.GpPractice;
import wales.safeguarding.adapters.police.PublicProtectionNotice.Incident;
import wales.safeguarding.adapters.police.PublicProtectionNotice.IncidentType;
import wales.safeguarding.adapters.police.PublicProtectionNotice.Officer;
import wales.safeguarding.adapters.police.PublicProtectionNotice.RiskAssessment;
import wales.safeguarding.adapters.police.PublicProtectionNotice.School;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.NhsNumber;

/**
 * Reads a notice out of a document that the XSD validator has accepted, so every required element is there and
 * every value has its type's form. Values of {@code xs:token} types are read with their spaces collapsed, as the
 * validator saw them; free text (narrative, notes, rationale) keeps its line breaks and loses only the indentation
 * the XML around it added.
 */
final class NoticeReader {

    private NoticeReader() {
    }

    /** The rules the XSD cannot express. */
    static List<PpnError> check(Document document) {
        List<PpnError> errors = new ArrayList<>();
        List<Element> children = all(required(document.getDocumentElement(), "children"), "child");
        for (int i = 0; i < children.size(); i++) {
            Element nhsNumber = optional(children.get(i), "nhsNumber");
            if (nhsNumber != null && !NhsNumber.isValid(nhsNumber.getTextContent())) {
                errors.add(new PpnError("/notice/children/child[" + (i + 1) + "]/nhsNumber", position(nhsNumber,
                        DomBuilder.LINE), position(nhsNumber, DomBuilder.COLUMN), PpnError.NHS_NUMBER_CHECK_DIGIT,
                        "is not a valid NHS number: the modulus 11 check digit does not match"));
            }
        }
        return errors;
    }

    static PublicProtectionNotice read(Document document) {
        Element notice = document.getDocumentElement();
        return new PublicProtectionNotice(
                token(required(notice, "noticeId")),
                token(required(notice, "force")),
                dateTime(required(notice, "issuedAt")),
                officer(required(notice, "officer")),
                incident(required(notice, "incident")),
                all(required(notice, "children"), "child").stream().map(NoticeReader::child).toList(),
                adults(optional(notice, "adultsPresent")),
                risk(required(notice, "riskAssessment")),
                all(required(notice, "categoriesOfConcern"), "category").stream().map(NoticeReader::token).toList(),
                freeText(required(notice, "narrative")));
    }

    private static Officer officer(Element officer) {
        Element contact = required(officer, "contact");
        return new Officer(
                token(required(officer, "name")),
                token(required(officer, "collarNumber")),
                token(required(officer, "role")),
                optionalToken(contact, "phone"),
                optionalToken(contact, "email"),
                LanguagePreference.ofCode(token(required(officer, "languagePreference"))));
    }

    private static Incident incident(Element incident) {
        Element place = required(incident, "place");
        return new Incident(
                IncidentType.fromWireName(token(required(incident, "type"))).orElseThrow(),
                dateTime(required(incident, "occurredAt")),
                token(required(place, "description")),
                optionalToken(place, "postcode"));
    }

    private static Child child(Element child) {
        Element address = optional(child, "address");
        Element school = optional(child, "school");
        Element gp = optional(child, "gpPractice");
        return new Child(
                token(required(child, "name")),
                date(required(child, "dateOfBirth")),
                optionalToken(child, "nhsNumber"),
                address == null ? null : new Address(
                        all(address, "line").stream().map(NoticeReader::token).toList(),
                        token(required(address, "postcode"))),
                token(required(child, "localAuthority")),
                school == null ? null : new School(token(required(school, "schoolNumber")),
                        optionalToken(school, "name")),
                gp == null ? null : new GpPractice(token(required(gp, "odsCode")), optionalToken(gp, "name")));
    }

    private static List<Adult> adults(Element adultsPresent) {
        if (adultsPresent == null) {
            return List.of();
        }
        return all(adultsPresent, "adult").stream().map(adult -> {
            Element dateOfBirth = optional(adult, "dateOfBirth");
            Element notes = optional(adult, "notes");
            return new Adult(
                    token(required(adult, "name")),
                    token(required(adult, "relationship")),
                    dateOfBirth == null ? null : date(dateOfBirth),
                    notes == null ? null : freeText(notes));
        }).toList();
    }

    private static RiskAssessment risk(Element risk) {
        Element rationale = optional(risk, "rationale");
        String dash = optionalToken(risk, "dashLevel");
        String immediate = token(required(risk, "immediateRisk"));
        return new RiskAssessment(
                dash == null ? null : DashLevel.fromWireName(dash).orElseThrow(),
                "true".equals(immediate) || "1".equals(immediate),
                rationale == null ? null : freeText(rationale));
    }

    private static Element required(Element parent, String name) {
        Element found = optional(parent, name);
        if (found == null) {
            // the validator let through a document without it: a mismatch between this class and the XSD
            throw new IllegalStateException("validated notice has no " + name + " in " + parent.getLocalName());
        }
        return found;
    }

    private static Element optional(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (isPpnElement(n, name)) {
                return (Element) n;
            }
        }
        return null;
    }

    private static List<Element> all(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (isPpnElement(n, name)) {
                found.add((Element) n);
            }
        }
        return found;
    }

    private static boolean isPpnElement(Node n, String name) {
        return n.getNodeType() == Node.ELEMENT_NODE && PpnParser.NAMESPACE.equals(n.getNamespaceURI())
                && name.equals(n.getLocalName());
    }

    private static String optionalToken(Element parent, String name) {
        Element found = optional(parent, name);
        return found == null ? null : token(found);
    }

    /** The value as an xs:token or xs:string-with-pattern type sees it: XML spaces collapsed to one, no ends. */
    private static String token(Element element) {
        return element.getTextContent().replaceAll("[ \t\r\n]+", " ").strip();
    }

    /** Free text without the indentation the XML around it added: common leading spaces and blank ends go. */
    private static String freeText(Element element) {
        return element.getTextContent().stripTrailing().stripIndent().strip();
    }

    private static OffsetDateTime dateTime(Element element) {
        return OffsetDateTime.parse(token(element));
    }

    private static LocalDate date(Element element) {
        return LocalDate.parse(token(element));
    }

    private static int position(Element element, String key) {
        return element.getUserData(key) instanceof Integer i ? Math.max(0, i) : 0;
    }
}

package wales.safeguarding.adapters.police;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import wales.safeguarding.adapters.police.PublicProtectionNotice.Adult;
import wales.safeguarding.adapters.police.PublicProtectionNotice.Child;
import wales.safeguarding.adapters.police.PublicProtectionNotice.DashLevel;
import wales.safeguarding.adapters.police.PublicProtectionNotice.IncidentType;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.LanguagePreference;

class PpnParserTest {

    private final PpnParser parser = PpnParser.fromClasspath();

    static List<String> validNotices() {
        return Fixtures.xmlFiles("valid");
    }

    static List<String> invalidNotices() {
        return Fixtures.xmlFiles("invalid");
    }

    @ParameterizedTest
    @MethodSource("validNotices")
    void should_accept_a_notice_that_keeps_the_contract(String file) {
        PpnParseResult result = parser.parse(Fixtures.bytes("valid/" + file));

        assertThat(result).isInstanceOf(PpnParseResult.Accepted.class);
        PpnParseResult.Accepted accepted = (PpnParseResult.Accepted) result;
        assertThat(accepted.document().getDocumentElement().getNamespaceURI()).isEqualTo(PpnParser.NAMESPACE);
        assertThat(accepted.document().getDocumentElement().getLocalName()).isEqualTo("notice");
    }

    @ParameterizedTest
    @MethodSource("invalidNotices")
    void should_refuse_a_notice_with_the_errors_listed_for_it(String file) throws IOException {
        JsonNode expected = expectedErrors().get(file);
        assertThat(expected).as("invalid/expected-errors.json has an entry for " + file).isNotNull();

        PpnParseResult result = parser.parse(Fixtures.bytes("invalid/" + file));

        assertThat(result).isInstanceOf(PpnParseResult.Rejected.class);
        List<Map<String, Object>> actual = ((PpnParseResult.Rejected) result).errors().stream()
                .map(e -> Map.<String, Object>of("element", e.element(), "line", e.line(), "rule", e.rule()))
                .toList();
        List<Map<String, Object>> wanted = new ArrayList<>();
        expected.forEach(e -> wanted.add(Map.of("element", e.get("element").textValue(), "line",
                e.get("line").intValue(), "rule", e.get("rule").textValue())));
        assertThat(actual).isEqualTo(wanted);
    }

    @Test
    void should_have_an_invalid_notice_for_every_entry_in_the_expected_errors() throws IOException {
        List<String> entries = new ArrayList<>();
        expectedErrors().fieldNames().forEachRemaining(entries::add);
        assertThat(entries).containsExactlyInAnyOrderElementsOf(invalidNotices());
    }

    @Test
    void should_never_quote_the_offending_values_in_errors() {
        PpnParseResult result = parser.parse(Fixtures.bytes("invalid/several-errors.xml"));

        String said = ((PpnParseResult.Rejected) result).errors().toString();
        assertThat(said).contains("/notice/incident/type", "enumeration", "/notice/children/child[1]/localAuthority")
                .doesNotContain("burglary", "Carmarthenshire");
        String nhs = ((PpnParseResult.Rejected) parser.parse(Fixtures.bytes("invalid/nhs-number-check-digit.xml")))
                .errors().toString();
        assertThat(nhs).contains("nhs-number-check-digit").doesNotContain("9990000019");
    }

    @Test
    void should_name_the_elements_expected_where_one_is_missing() {
        PpnParseResult result = parser.parse(Fixtures.bytes("invalid/empty-contact.xml"));

        PpnError error = ((PpnParseResult.Rejected) result).errors().get(0);
        assertThat(error.message()).contains("phone", "email");
        assertThat(error.column()).isPositive();
    }

    @Test
    void should_read_every_part_of_the_notice() {
        PublicProtectionNotice notice = Fixtures.notice("domestic-abuse-two-children.xml");

        assertThat(notice.noticeId()).isEqualTo("DPP-PPN-2025-000731");
        assertThat(notice.force()).isEqualTo("dyfed-powys-police");
        assertThat(notice.issuedAt()).isEqualTo(OffsetDateTime.parse("2025-06-02T09:55:00+01:00"));
        assertThat(notice.officer().collarNumber()).isEqualTo("1234");
        assertThat(notice.officer().phone()).isEqualTo("01632 960123");
        assertThat(notice.officer().languagePreference()).isEqualTo(LanguagePreference.EN);
        assertThat(notice.incident().type()).isEqualTo(IncidentType.DOMESTIC_ABUSE);
        assertThat(notice.incident().occurredAt().getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(notice.incident().postcode()).isEqualTo("SA31 1ZZ");
        assertThat(notice.children()).extracting(Child::name).containsExactly("Alys Enghraifft", "Osian Enghraifft");
        Child alys = notice.children().get(0);
        assertThat(alys.dateOfBirth()).isEqualTo(LocalDate.of(2016, 4, 12));
        assertThat(alys.address().lines()).containsExactly("1 Heol Enghraifft", "Caerfyrddin");
        assertThat(alys.school().schoolNumber()).isEqualTo("6699001");
        assertThat(alys.gpPractice().odsCode()).isEqualTo("Z99001");
        Child osian = notice.children().get(1);
        assertThat(osian.nhsNumber()).isNull();
        assertThat(osian.school()).isNull();
        assertThat(notice.adultsPresent()).extracting(Adult::relationship).containsExactly("mother", "mother's partner");
        assertThat(notice.adultsPresent().get(1).dateOfBirth()).isNull();
        assertThat(notice.riskAssessment().dashLevel()).isEqualTo(DashLevel.HIGH);
        assertThat(notice.riskAssessment().immediateRisk()).isTrue();
        assertThat(notice.categoriesOfConcern()).containsExactly("physical-abuse", "emotional-abuse");
        // the indentation of the XML is not part of the narrative; its line breaks are
        assertThat(notice.narrative()).startsWith("Officers attended").endsWith("asleep upstairs.")
                .contains("in\nthe house");
    }

    @Test
    void should_read_names_with_spaces_collapsed_as_the_schema_does() {
        String xml = Fixtures.text("valid/child-concern.xml")
                .replace("<ppn:name>Sam Sample</ppn:name>", "<ppn:name>\n      Sam\t  Sample\n    </ppn:name>")
                .replace("<ppn:immediateRisk>0</ppn:immediateRisk>", "<ppn:immediateRisk> 1 </ppn:immediateRisk>");

        PpnParseResult result = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        PublicProtectionNotice notice = ((PpnParseResult.Accepted) result).notice();
        assertThat(notice.officer().name()).isEqualTo("Sam Sample");
        assertThat(notice.riskAssessment().immediateRisk()).isTrue();
        assertThat(notice.adultsPresent()).isEmpty();
        assertThat(notice.riskAssessment().dashLevel()).isNull();
    }

    @Test
    void should_not_print_personal_data_when_a_notice_is_logged() {
        PublicProtectionNotice notice = Fixtures.notice("domestic-abuse-two-children.xml");

        assertThat(notice.toString()).contains("DPP-PPN-2025-000731").doesNotContain("Alys", "Enghraifft");
        assertThat(parser.parse(Fixtures.bytes("valid/domestic-abuse-two-children.xml")).toString())
                .doesNotContain("Alys");
    }

    @Test
    void should_refuse_a_notice_larger_than_the_limit_without_reading_it() {
        byte[] huge = new byte[PpnParser.MAX_NOTICE_BYTES + 1];

        PpnParseResult result = parser.parse(huge);

        assertThat(((PpnParseResult.Rejected) result).errors()).extracting(PpnError::rule)
                .containsExactly(PpnError.TOO_LARGE);
    }

    @Test
    @Timeout(10)
    void should_stop_at_a_text_longer_than_any_the_contract_allows() {
        String xml = Fixtures.text("valid/child-concern.xml")
                .replace("sam.sample@example.org", "a".repeat(1_000_000) + "@example.org");

        PpnParseResult result = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(((PpnParseResult.Rejected) result).errors()).singleElement().satisfies(e -> {
            assertThat(e.element()).isEqualTo("/notice/officer/contact/email");
            assertThat(e.rule()).isEqualTo(PpnError.MAX_LENGTH);
        });
    }

    @Test
    @Timeout(10)
    void should_accept_the_longest_narrative_the_contract_allows() {
        String narrative = "Officers saw. ".repeat(PpnParser.MAX_TEXT_CHARS / 14) + "x".repeat(PpnParser.MAX_TEXT_CHARS % 14);
        String xml = replaceNarrative(Fixtures.text("valid/child-concern.xml"), narrative);

        PpnParseResult result = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(narrative).hasSize(PpnParser.MAX_TEXT_CHARS);
        assertThat(((PpnParseResult.Accepted) result).notice().narrative()).isEqualTo(narrative);
        assertThat(parser.parse(replaceNarrative(xml, narrative + "x").getBytes(StandardCharsets.UTF_8)).accepted())
                .isFalse();
    }

    @Test
    void should_refuse_a_narrative_of_spaces_only() {
        String xml = replaceNarrative(Fixtures.text("valid/child-concern.xml"), " \n\t ");

        PpnParseResult result = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(((PpnParseResult.Rejected) result).errors()).extracting(PpnError::element, PpnError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/notice/narrative", PpnError.PATTERN));
    }

    @Test
    @Timeout(10)
    void should_stop_after_fifty_errors() {
        String xml = Fixtures.text("valid/child-concern.xml").replace("<ppn:category>neglect</ppn:category>",
                "<ppn:category>x</ppn:category>".repeat(500));

        List<PpnError> errors = ((PpnParseResult.Rejected) parser.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .errors();

        assertThat(errors).hasSize(PpnParser.MAX_ERRORS + 1);
        assertThat(errors.get(PpnParser.MAX_ERRORS).rule()).isEqualTo(PpnError.TOO_MANY_ERRORS);
    }

    @Test
    @Timeout(10)
    void should_refuse_elements_nested_deeper_than_the_limit() {
        String xml = Fixtures.text("valid/child-concern.xml").replace("<ppn:narrative>",
                "<ppn:narrative>" + "<a>".repeat(100_000) + "</a>".repeat(100_000));

        List<PpnError> errors = ((PpnParseResult.Rejected) parser.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .errors();

        assertThat(errors).extracting(PpnError::rule).containsExactly(PpnError.XML_LIMIT);
    }

    @Test
    void should_refuse_a_notice_without_its_namespace() {
        String xml = Fixtures.text("valid/domestic-abuse-two-children.xml")
                .replace(" xmlns=\"https://schemas.safeguarding.wales/hub/police/ppn/1.0\"", "");

        PpnParseResult result = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(((PpnParseResult.Rejected) result).errors()).extracting(PpnError::element, PpnError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/notice", PpnError.UNKNOWN_ROOT_ELEMENT));
    }

    @Test
    @Timeout(30)
    void should_give_each_caller_its_own_result_when_used_from_several_threads() throws Exception {
        List<String> files = List.of("valid/domestic-abuse-two-children.xml", "valid/child-concern.xml",
                "invalid/several-errors.xml", "valid/welsh-language-officer.xml");
        List<String> alone = files.stream().map(f -> parser.parse(Fixtures.bytes(f))).map(PpnParserTest::summary)
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String file = files.get(i % files.size());
                futures.add(pool.submit(() -> summary(parser.parse(Fixtures.bytes(file)))));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(alone.get(i % files.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String summary(PpnParseResult result) {
        return result instanceof PpnParseResult.Accepted accepted
                ? accepted.notice().noticeId() + accepted.notice().children()
                : ((PpnParseResult.Rejected) result).errors().toString();
    }

    private static String replaceNarrative(String xml, String narrative) {
        int start = xml.indexOf("<ppn:narrative>") + "<ppn:narrative>".length();
        return xml.substring(0, start) + narrative + xml.substring(xml.indexOf("</ppn:narrative>"));
    }

    private static JsonNode expectedErrors() throws IOException {
        return CanonicalJson.mapper().readTree(Fixtures.bytes("invalid/expected-errors.json"));
    }
}

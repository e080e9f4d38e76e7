package wales.safeguarding.adapters.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import wales.safeguarding.schemas.dutytoreport.DutyToReport;
import wales.safeguarding.schemas.dutytoreport.HouseholdMember;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.CanonicalValidator;
import wales.safeguarding.schemas.validation.Violation;

class PpnMapperTest {

    private final PpnMapper mapper = new PpnMapper(Fixtures.IDS);

    static List<String> validNotices() {
        return Fixtures.xmlFiles("valid");
    }

    @ParameterizedTest
    @MethodSource("validNotices")
    void should_map_a_notice_to_its_golden_duty_to_report(String file) throws IOException {
        String golden = file.replace(".xml", ".json");
        JsonNode expected = CanonicalJson.mapper().readTree(Fixtures.bytes("expected/" + golden));

        JsonNode actual = CanonicalJson.mapper().readTree(mapper.toCanonicalJson(Fixtures.notice(file)));

        if (!actual.equals(expected)) {
            // left for a diff; the golden file is changed by hand, on purpose
            Path out = Path.of("target", "golden-actual", golden);
            Files.createDirectories(out.getParent());
            Files.writeString(out, CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(actual));
        }
        assertThat(actual).as("mapping of valid/%s (actual in target/golden-actual/%s)", file, golden)
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("validNotices")
    void should_make_a_message_the_canonical_validator_accepts(String file) throws IOException {
        JsonNode message = CanonicalJson.mapper().readTree(mapper.toCanonicalJson(Fixtures.notice(file)));

        assertThat(CanonicalValidator.fromClasspath().validate(message)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("validNotices")
    void should_keep_each_golden_file_a_valid_duty_to_report_that_binds_to_the_records(String file)
            throws IOException {
        byte[] golden = Fixtures.bytes("expected/" + file.replace(".xml", ".json"));

        assertThat(CanonicalValidator.fromClasspath().validate(CanonicalJson.mapper().readTree(golden))).isEmpty();
        Envelope envelope = CanonicalJson.read(golden);
        DutyToReport report = CanonicalJson.bodyAs(envelope, DutyToReport.class);
        PublicProtectionNotice notice = Fixtures.notice(file);
        assertThat(envelope.messageId()).isEqualTo(mapper.messageIdFor(notice.force(), notice.noticeId()));
        assertThat(report.children()).hasSameSizeAs(notice.children());
        assertThat(report.description()).endsWith(notice.narrative());
    }

    @Test
    void should_derive_the_same_message_id_for_the_same_notice() {
        PublicProtectionNotice first = Fixtures.notice("domestic-abuse-two-children.xml");
        PublicProtectionNotice resent = Fixtures.notice("domestic-abuse-two-children.xml");

        Envelope a = mapper.toEnvelope(first);
        Envelope b = mapper.toEnvelope(resent);

        assertThat(a.messageId()).isEqualTo(b.messageId())
                .isEqualTo(Fixtures.IDS.policeNotice("dyfed-powys-police", "DPP-PPN-2025-000731"));
        assertThat(a.messageId().version()).isEqualTo(8);
        assertThat(mapper.toEnvelope(first, a.messageId())).isEqualTo(a);
        assertThat(mapper.toCanonicalJson(first)).isEqualTo(mapper.toCanonicalJson(resent));
    }

    @Test
    void should_derive_different_message_ids_for_another_notice_or_another_force() {
        UUID id = mapper.messageIdFor("dyfed-powys-police", "PPN-1");

        assertThat(mapper.messageIdFor("dyfed-powys-police", "PPN-2")).isNotEqualTo(id);
        assertThat(mapper.messageIdFor("gwent-police", "PPN-1")).isNotEqualTo(id);
        assertThat(mapper.messageIdFor("dyfed-powys-police", "PPN-1")).isEqualTo(id);
    }

    @Test
    void should_derive_an_id_no_one_without_the_hubs_key_can_work_out() {
        UUID id = mapper.messageIdFor("dyfed-powys-police", "DPP-PPN-2025-000731");

        assertThat(id).isNotEqualTo(UUID.nameUUIDFromBytes(
                "ppn:dyfed-powys-police:DPP-PPN-2025-000731".getBytes(StandardCharsets.UTF_8)));
        assertThat(new PpnMapper(new DerivedIds("another-test-only-message-id-key-of-32-bytes"))
                .messageIdFor("dyfed-powys-police", "DPP-PPN-2025-000731")).isNotEqualTo(id);
    }

    @Test
    void should_make_a_duty_to_report_from_the_force_with_the_officer_as_reporter() {
        PublicProtectionNotice notice = Fixtures.notice("domestic-abuse-two-children.xml");

        Envelope envelope = mapper.toEnvelope(notice);
        DutyToReport report = CanonicalJson.bodyAs(envelope, DutyToReport.class);

        assertThat(envelope.type()).isEqualTo(MessageType.DUTY_TO_REPORT);
        assertThat(envelope.sender()).isEqualTo("dyfed-powys-police");
        assertThat(envelope.recipients()).isEmpty();
        assertThat(envelope.securityLabel()).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(envelope.createdAt()).isEqualTo(notice.issuedAt());
        assertThat(envelope.acceptedAt()).isNull();
        assertThat(report.reporter().agencyId()).isEqualTo("dyfed-powys-police");
        assertThat(report.reporter().role()).isEqualTo("Police constable, Public Protection Unit, collar number 1234");
        assertThat(report.householdMembers()).extracting(HouseholdMember::name)
                .containsExactly("Rhian Enghraifft", "Mark Example");
        assertThat(report.immediateRisk()).isTrue();
        assertThat(report.originalReport().madeAt()).isEqualTo(notice.issuedAt());
        assertThat(report.originalReport().means()).isEqualTo("written");
        assertThat(report.description()).startsWith("Public Protection Notice DPP-PPN-2025-000731 from "
                + "dyfed-powys-police\nIncident: domestic abuse\nWhen: 1 June 2025, 21:40 (UTC+01:00)\n");
    }

    @Test
    void should_write_in_welsh_for_an_officer_who_prefers_welsh() {
        Envelope envelope = mapper.toEnvelope(Fixtures.notice("welsh-language-officer.xml"));
        DutyToReport report = CanonicalJson.bodyAs(envelope, DutyToReport.class);

        assertThat(envelope.language()).isEqualTo(Language.CY);
        assertThat(report.reporter().languagePreference()).isEqualTo(LanguagePreference.CY);
        assertThat(report.reporter().role()).endsWith("rhif coler 2207");
        assertThat(report.description()).startsWith("Hysbysiad Diogelu'r Cyhoedd NWP-PPN-25-1187")
                .contains("Digwyddiad: plentyn ar goll", "Pryd: 28 Mawrth 2025, 23:30 (UTC)")
                .doesNotContain("Incident", "When", "Where");
    }

    @Test
    void should_write_in_english_but_keep_the_preference_when_it_is_unknown() {
        Envelope envelope = mapper.toEnvelope(Fixtures.notice("child-concern.xml"));
        DutyToReport report = CanonicalJson.bodyAs(envelope, DutyToReport.class);

        assertThat(envelope.language()).isEqualTo(Language.EN);
        // replies then go in Welsh and English together
        assertThat(report.reporter().languagePreference()).isEqualTo(LanguagePreference.UNKNOWN);
        assertThat(report.householdMembers()).isNull();
        assertThat(report.immediateRisk()).isFalse();
    }

    @Test
    void should_refuse_to_hand_over_a_message_the_canonical_validator_rejects() {
        String xml = Fixtures.text("valid/child-concern.xml")
                .replace("sam.sample@example.org", "sam.sample@example.invalid");
        PublicProtectionNotice notice = ((PpnParseResult.Accepted) PpnParser.fromClasspath()
                .parse(xml.getBytes(StandardCharsets.UTF_8))).notice();

        assertThatThrownBy(() -> mapper.toEnvelope(notice))
                .isInstanceOfSatisfying(PpnMappingException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::pointer, Violation::rule)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("/body/reporter/contact/email",
                                    "format"));
                    assertThat(e.getMessage()).contains("SWP/PPN/2025/0042").doesNotContain("sam.sample");
                });
    }
}

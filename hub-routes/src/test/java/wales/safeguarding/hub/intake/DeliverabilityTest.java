package wales.safeguarding.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.delivery.AgencySecrets;
import wales.safeguarding.hub.delivery.OutboundAdapters;
import wales.safeguarding.hub.delivery.RecipientCopies;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.schooltransfer.TransferParties;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Issue 10 defect 10: intake asks each recipient's adapter about the copy that recipient will receive, and names the
 * recipient in every reason. Plain objects: the directory, the need-to-know copies, the adapters on the classpath.
 */
class DeliverabilityTest {

    private static final String FHIR_GP = "gp-z99002";
    private static final String JSON_GP = "gp-z99001";
    private static final String SCHOOL = "school-6699001";
    private static final String POLICE = "dyfed-powys-police";

    private final Directory directory = new Directory(List.of(
            agency(FHIR_GP, AgencyKind.GP_PRACTICE, "Z99002", "fhir-r4"),
            agency(JSON_GP, AgencyKind.GP_PRACTICE, "Z99001", "rest-json"),
            agency(SCHOOL, AgencyKind.SCHOOL, null, "signed-webhook"),
            agency(POLICE, AgencyKind.POLICE, null, "rest-json")));
    private final Deliverability deliverability = new Deliverability(directory,
            new RecipientCopies(directory, new TransferParties(directory),
                    new StatutoryClocks("classpath:calendar/bank-holidays-england-and-wales.json"), 2),
            new OutboundAdapters(),
            new AgencySecrets(key -> Optional.empty(), Optional.empty(), Duration.ofDays(7), Clock.systemUTC()));

    @Test
    @DisplayName("issue 10 defect 10: a register change without the NHS number is unsendable to a FHIR practice only")
    void should_name_the_fhir_practice_the_field_and_the_rule() {
        ObjectNode change = Messages.example("valid/register-change.json");
        ((ObjectNode) change.with("body").get("child")).remove("nhsNumber");

        List<Violation> violations = deliverability.unsendable(envelope(change), List.of(JSON_GP, FHIR_GP, SCHOOL, POLICE));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/body/child/nhsNumber");
            assertThat(v.rule()).isEqualTo("gp-needs-nhs-number");
            assertThat(v.message()).startsWith("for gp-z99002 (fhir-r4): ").contains("NHS number is missing");
        });
        assertThatThrownBy(() -> deliverability.require(envelope(change), List.of(FHIR_GP)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().type()).endsWith("/unsendable");
                    assertThat(e.problem().violations()).hasSize(1);
                });
    }

    @Test
    @DisplayName("issue 10 defect 10: the same register change with the NHS number can be sent to every recipient")
    void should_name_nothing_when_every_recipient_can_be_sent_its_copy() {
        ObjectNode change = Messages.example("valid/register-change.json");
        ((ObjectNode) change.with("body").get("child").get("gpPractice")).put("odsCode", "Z99002");

        assertThat(deliverability.unsendable(envelope(change), List.of(FHIR_GP, SCHOOL, POLICE))).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 10: the adapter is asked about the recipient's copy, not the whole message")
    void should_ask_about_the_copy_trimmed_for_the_recipient() {
        // the police's copy of a register change carries no NHS number, and a police force on FHIR would need one:
        // asking about the whole message would find one there
        Directory policeOnFhir = new Directory(List.of(agency(POLICE, AgencyKind.POLICE, "Z99003", "fhir-r4")));
        Deliverability check = new Deliverability(policeOnFhir,
                new RecipientCopies(policeOnFhir, new TransferParties(policeOnFhir),
                        new StatutoryClocks("classpath:calendar/bank-holidays-england-and-wales.json"), 2),
                new OutboundAdapters(),
                new AgencySecrets(key -> Optional.empty(), Optional.empty(), Duration.ofDays(7), Clock.systemUTC()));

        assertThat(check.unsendable(envelope(Messages.example("valid/register-change.json")), List.of(POLICE)))
                .extracting(Violation::rule).containsExactly("gp-needs-nhs-number");
    }

    @Test
    @DisplayName("issue 10 defect 10: a reason keeps its field and rule and says whose system it is")
    void should_name_the_recipient_and_its_transport() {
        assertThat(Deliverability.forRecipient("gp-z99002", "fhir-r4",
                new Violation("/body/child/nhsNumber", "gp-needs-nhs-number", "the child's NHS number is missing")))
                .isEqualTo(new Violation("/body/child/nhsNumber", "gp-needs-nhs-number",
                        "for gp-z99002 (fhir-r4): the child's NHS number is missing"));
    }

    private static Envelope envelope(ObjectNode message) {
        try {
            return CanonicalJson.mapper().treeToValue(message, Envelope.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Agency agency(String id, AgencyKind kind, String odsCode, String transport) {
        return new Agency(id, kind, Map.of("en", id), null, odsCode, null, null, null,
                new Agency.Endpoint("http://127.0.0.1/" + id, transport), LanguagePreference.EN, List.of(), List.of());
    }
}

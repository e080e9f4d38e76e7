package wales.safeguarding.hub.childprotection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildFingerprints;
import wales.safeguarding.hub.rules.ChildKey;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * What the plain unit tests of the child protection rules share: the directory of the test agencies (Carmarthenshire
 * and Cardiff children's services, their police forces and boards, two GP practices, two schools), the bank holiday
 * calendar, a fixed clock, the rules built from them, and messages made from the contract's examples. No Quarkus, no
 * database: the facts are a {@link FactsInMemory}.
 */
public final class RulesFixture {

    public static final String COUNCIL = "carmarthenshire-childrens-services";
    public static final String CARDIFF = "cardiff-childrens-services";
    public static final String POLICE = "dyfed-powys-police";
    public static final String SOUTH_WALES_POLICE = "south-wales-police";
    /** GP practice Z99001 (REST/JSON). */
    public static final String GP = "gp-z99001";
    /** GP practice Z99002, whose system speaks FHIR R4. */
    public static final String FHIR_GP = "gp-z99002";
    /** School 6699001. */
    public static final String SCHOOL = "school-6699001";
    /** School 6699002. */
    public static final String SECOND_SCHOOL = "school-6699002";
    public static final String BOARD = "mid-and-west-wales-safeguarding-board";
    /** Carmarthenshire's pupil referral unit (school number 6691100) and youth justice service (issue 15 item 3). */
    public static final String PRU = "carmarthenshire-pupil-referral-unit";
    public static final String YOUTH_JUSTICE = "carmarthenshire-youth-justice";
    /** The key of the children's fingerprints in plain tests (not a secret). */
    public static final ChildFingerprints FINGERPRINTS = ChildFingerprints.of("plain",
            Map.of("plain", "test-only-child-key-for-the-plain-rules-tests"));
    /** The hub's message-id key in plain tests. */
    public static final wales.safeguarding.schemas.envelope.DerivedIds IDS =
            new wales.safeguarding.schemas.envelope.DerivedIds("test-only-message-id-key-for-the-plain-rules-tests");
    public static final String CARDIFF_BOARD = "cardiff-and-vale-safeguarding-board";

    /** The case and conference of the contract's examples. */
    public static final String CASE = "CCS-2025-004512";
    public static final String CONFERENCE = "CCS-ICPC-2025-0042";
    /** The key of the one child of the examples that name one child without the council's childReference. */
    public static final String ALYS = ChildKey.of(new ChildRef("Alys Enghraifft", LocalDate.parse("2016-04-12"), null,
            "W06000010", null, null), RulesFixture.FINGERPRINTS);
    /** The envelope's childReference in the examples: the sender's own reference, not the hub's key. */
    public static final String SENDERS_REFERENCE = "DPP-CHILD-0001";
    /** The keys of the two children of the sibling examples (their childReference). */
    public static final String ALYS_IN_SIBLINGS = "CCS-CHILD-004512-1";
    public static final String OWAIN = "CCS-CHILD-004512-2";

    private static final Directory DIRECTORY = new Directory(List.of(
            agency(COUNCIL, AgencyKind.COUNCIL, "W06000010", null, null, POLICE, BOARD, "rest-json"),
            agency(CARDIFF, AgencyKind.COUNCIL, "W06000015", null, null, SOUTH_WALES_POLICE, CARDIFF_BOARD,
                    "rest-json"),
            agency(POLICE, AgencyKind.POLICE, null, null, null, null, null, "rest-json"),
            agency(SOUTH_WALES_POLICE, AgencyKind.POLICE, null, null, null, null, null, "rest-json"),
            agency(GP, AgencyKind.GP_PRACTICE, null, "Z99001", null, null, null, "rest-json"),
            agency(FHIR_GP, AgencyKind.GP_PRACTICE, null, "Z99002", null, null, null, "fhir-r4"),
            agency(SCHOOL, AgencyKind.SCHOOL, null, null, "6699001", null, null, "signed-webhook"),
            agency(SECOND_SCHOOL, AgencyKind.SCHOOL, null, null, "6699002", null, null, "signed-webhook"),
            agency(BOARD, AgencyKind.SAFEGUARDING_BOARD, null, null, null, null, null, "rest-json"),
            agency(CARDIFF_BOARD, AgencyKind.SAFEGUARDING_BOARD, null, null, null, null, null, "rest-json"),
            agency(PRU, AgencyKind.PUPIL_REFERRAL_UNIT, "W06000010", null, "6691100", null, null, "rest-json"),
            agency(YOUTH_JUSTICE, AgencyKind.YOUTH_JUSTICE, "W06000010", null, null, null, null, "rest-json")));

    private static final StatutoryClocks CALENDAR =
            new StatutoryClocks("classpath:calendar/bank-holidays-england-and-wales.json");

    private RulesFixture() {
    }

    private static Agency agency(String id, AgencyKind kind, String localAuthority, String odsCode,
            String schoolNumber, String policeForce, String board, String transport) {
        return new Agency(id, kind, Map.of("en", id), localAuthority, odsCode, schoolNumber, policeForce, board,
                new Agency.Endpoint("http://127.0.0.1/" + id, transport), LanguagePreference.UNKNOWN, List.of(),
                List.of());
    }

    public static Directory directory() {
        return DIRECTORY;
    }

    public static CaseParties parties() {
        return new CaseParties(DIRECTORY, FINGERPRINTS);
    }

    /** England-and-Wales bank holidays, as the hub reads them. */
    public static StatutoryClocks calendar() {
        return CALENDAR;
    }

    /** A clock standing still at {@code instant} (ISO-8601). */
    public static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** The conference record rules (outline plan, minutes, corrections), ten working days for corrections. */
    public static ConferenceRecordRules conferenceRecordRules(Clock clock) {
        return new ConferenceRecordRules(parties(), CALENDAR, clock, 10, () -> IDS, 2);
    }

    /** The register rules (register change, plan update). */
    public static RegisterRules registerRules(Clock clock) {
        return new RegisterRules(parties(), clock, 2, () -> IDS);
    }

    /** The contract's example of this file name (e.g. {@code outline-plan-siblings}), with a new id. */
    public static ObjectNode example(String name) {
        ObjectNode message = Messages.example("valid/" + name + ".json");
        message.put("messageId", UUID.randomUUID().toString());
        return message;
    }

    public static Envelope envelope(ObjectNode json) {
        return FactsInMemory.envelope(json);
    }

    /** A child of the case as the hub knows them. */
    public static ChildRecord child(String key, String gp, String school, boolean registered) {
        return new ChildRecord(key, gp, school, POLICE, registered, false);
    }

    /** The examples' case, held by Carmarthenshire, with these children. */
    public static CaseRecord caseWith(ChildRecord... children) {
        return new CaseRecord(CASE, COUNCIL, List.of(children));
    }
}

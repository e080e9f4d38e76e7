package wales.safeguarding.hub.childprotection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.clocks.ClockRepository;
import wales.safeguarding.hub.clocks.ClocksConfig;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * What the plain unit tests of the decisions (section 47 determinations, cancellations, conferences booked and held)
 * share: the test agencies (the same as {@code RulesFixture} on the {@code registerplan} branch: fold the two
 * together when both are merged), the bank holidays, the clocks as {@code application.properties} configures them,
 * the rules built from them, and messages made from the contract's examples. No Quarkus, no database.
 */
final class DecisionsFixture {

    static final String COUNCIL = "carmarthenshire-childrens-services";
    static final String CARDIFF = "cardiff-childrens-services";
    static final String POLICE = "dyfed-powys-police";
    static final String SOUTH_WALES_POLICE = "south-wales-police";
    /** GP practice Z99001. */
    static final String GP = "gp-z99001";
    /** GP practice Z99002. */
    static final String SECOND_GP = "gp-z99002";
    static final String SCHOOL = "school-6699001";
    static final String SECOND_SCHOOL = "school-6699002";
    static final String BOARD = "mid-and-west-wales-safeguarding-board";

    /** The case of the contract's examples. */
    static final String CASE = "CCS-2025-004512";
    /** The keys (childReference) of the children of the examples: Alys, and Owain in the sibling examples. */
    static final String ALYS = "CCS-CHILD-004512-1";
    static final String OWAIN = "CCS-CHILD-004512-2";

    private static final Directory DIRECTORY = new Directory(List.of(
            agency(COUNCIL, AgencyKind.COUNCIL, "W06000010", null, null, POLICE, BOARD),
            agency(CARDIFF, AgencyKind.COUNCIL, "W06000015", null, null, SOUTH_WALES_POLICE, null),
            agency(POLICE, AgencyKind.POLICE, null, null, null, null, null),
            agency(SOUTH_WALES_POLICE, AgencyKind.POLICE, null, null, null, null, null),
            agency(GP, AgencyKind.GP_PRACTICE, null, "Z99001", null, null, null),
            agency(SECOND_GP, AgencyKind.GP_PRACTICE, null, "Z99002", null, null, null),
            agency(SCHOOL, AgencyKind.SCHOOL, null, null, "6699001", null, null),
            agency(SECOND_SCHOOL, AgencyKind.SCHOOL, null, null, "6699002", null, null),
            agency(BOARD, AgencyKind.SAFEGUARDING_BOARD, null, null, null, null, null)));

    private static final StatutoryClocks CALENDAR =
            new StatutoryClocks("classpath:calendar/bank-holidays-england-and-wales.json");

    private static final ClockKeeper CLOCKS = new ClockKeeper(configuredClocks(), CALENDAR, new ClockRepository());

    private DecisionsFixture() {
    }

    private static Agency agency(String id, AgencyKind kind, String localAuthority, String odsCode,
            String schoolNumber, String policeForce, String board) {
        return new Agency(id, kind, Map.of("en", id), localAuthority, odsCode, schoolNumber, policeForce, board,
                new Agency.Endpoint("http://127.0.0.1/" + id, "rest-json"), LanguagePreference.UNKNOWN, List.of(),
                List.of());
    }

    /** {@code hub.clocks.*} as the hub's application.properties sets them. */
    private static ClocksConfig configuredClocks() {
        Properties properties = new Properties();
        try (InputStream in = DecisionsFixture.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, ClocksConfig.Clock> clocks = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("hub.clocks.") && key.endsWith(".period")) {
                String name = key.substring("hub.clocks.".length(), key.length() - ".period".length());
                String period = properties.getProperty(key);
                String ladder = properties.getProperty("hub.clocks." + name + ".ladder");
                clocks.put(name, new ClocksConfig.Clock() {
                    @Override
                    public String period() {
                        return period;
                    }

                    @Override
                    public String ladder() {
                        return ladder;
                    }
                });
            }
        }
        return () -> clocks;
    }

    static Directory directory() {
        return DIRECTORY;
    }

    static CaseParties parties() {
        return new CaseParties(DIRECTORY);
    }

    static ClockKeeper clocks() {
        return CLOCKS;
    }

    /** When a clock started at {@code anchor} runs out, as the hub computes it. */
    static Instant due(String clock, String anchor) {
        return CLOCKS.due(clock, Instant.parse(anchor)).dueAt();
    }

    static ConferenceRules conferenceRules() {
        return new ConferenceRules(parties(), CALENDAR, CLOCKS, 2);
    }

    static StrategyMeetingRules strategyMeetingRules() {
        return new StrategyMeetingRules(parties());
    }

    static Section47Rules section47Rules() {
        return new Section47Rules(parties());
    }

    static ConferenceCancellationRules cancellationRules() {
        return new ConferenceCancellationRules(parties());
    }

    /** The contract's example of this file name (e.g. {@code conference-invitation-siblings}), with a new id. */
    static ObjectNode example(String name) {
        ObjectNode message = Messages.example("valid/" + name + ".json");
        message.put("messageId", UUID.randomUUID().toString());
        return message;
    }

    /** The example with only its first child (Alys), whose key is {@link #ALYS}. */
    static ObjectNode aboutAlys(String name) {
        ObjectNode message = example(name);
        ArrayNode children = message.with("body").withArray("children");
        while (children.size() > 1) {
            children.remove(children.size() - 1);
        }
        ((ObjectNode) children.get(0)).put("childReference", ALYS);
        return message;
    }

    static Envelope envelope(ObjectNode json) {
        return FactsInMemory.envelope(json);
    }

    /** A child of the case as the hub knows them. */
    static ChildRecord child(String key, String gp, boolean registered) {
        return new ChildRecord(key, gp, null, POLICE, registered, false);
    }

    /** The examples' case, held by Carmarthenshire, with these children. */
    static CaseRecord caseWith(ChildRecord... children) {
        return new CaseRecord(CASE, COUNCIL, List.of(children));
    }
}

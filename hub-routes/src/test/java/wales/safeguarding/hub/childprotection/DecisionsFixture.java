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
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.schemas.envelope.Envelope;

/**
 * What the plain unit tests of the decisions (section 47 determinations, cancellations, conferences booked and held)
 * add to {@link RulesFixture}: the clocks as {@code application.properties} configures them, the rules that need
 * them, and the examples about Alys by her {@code childReference}. No Quarkus, no database.
 */
final class DecisionsFixture {

    static final String COUNCIL = RulesFixture.COUNCIL;
    static final String POLICE = RulesFixture.POLICE;
    /** GP practice Z99001. */
    static final String GP = RulesFixture.GP;
    /** GP practice Z99002. */
    static final String SECOND_GP = RulesFixture.FHIR_GP;
    static final String SCHOOL = RulesFixture.SCHOOL;
    static final String SECOND_SCHOOL = RulesFixture.SECOND_SCHOOL;

    /** The case of the contract's examples. */
    static final String CASE = RulesFixture.CASE;
    /** The keys (childReference) of the children of the examples: Alys, and Owain in the sibling examples. */
    static final String ALYS = RulesFixture.ALYS_IN_SIBLINGS;
    static final String OWAIN = RulesFixture.OWAIN;

    private static final StatutoryClocks CALENDAR = RulesFixture.calendar();

    private static final ClockKeeper CLOCKS = new ClockKeeper(configuredClocks(), CALENDAR, new ClockRepository());

    private DecisionsFixture() {
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
                String period = resolved(properties, properties.getProperty(key));
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

    /**
     * A value with its expressions resolved as the hub's configuration resolves them: {@code ${key}} another
     * property, {@code ${NAME:default}} an environment variable's value or the default.
     */
    private static String resolved(Properties properties, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = properties.getProperty(m.group(1), System.getenv(m.group(1)));
            String replacement = found != null ? resolved(properties, found) : m.group(2);
            if (replacement == null) {
                throw new IllegalStateException("no value for " + m.group(1) + " in " + value);
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static CaseParties parties() {
        return RulesFixture.parties();
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
        return new StrategyMeetingRules(parties(), CALENDAR, 1, 4);
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

package wales.safeguarding.hub.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Issue 13, "never a body or a child's identifier" in a log line, enforced: after the flow suite has run (this is a
 * failsafe test, so it runs in {@code verify} after every surefire test), the log the suite's hubs wrote
 * ({@code target/hub-test.log*}, the hub's own categories at DEBUG) is scanned for every child's name, date of
 * birth, NHS number and postcode in the messages the suite sends: the schemas' examples and the test fixtures
 * (police notices). Household members count as children's data too.
 */
class ChildDataInLogsIT {

    private static final Pattern XML_CHILD = Pattern.compile("<ppn:child>(.*?)</ppn:child>", Pattern.DOTALL);
    private static final Pattern XML_FIELD = Pattern.compile(
            "<ppn:(name|dateOfBirth|nhsNumber|postcode)>([^<]+)</ppn:\\1>");

    @Test
    void the_suites_log_holds_no_childs_name_date_of_birth_nhs_number_or_postcode() throws IOException {
        Map<String, String> secrets = new TreeMap<>();
        try (Stream<Path> examples = Files.walk(Path.of("..", "schemas", "src", "main", "resources", "examples"))) {
            for (Path file : examples.filter(f -> f.toString().endsWith(".json")).toList()) {
                collect(JsonMapper.builder().build().readTree(file.toFile()), false, file.getFileName().toString(),
                        secrets);
            }
        }
        try (Stream<Path> fixtures = Files.walk(Path.of("src", "test", "resources", "ppn"))) {
            for (Path file : fixtures.filter(f -> f.toString().endsWith(".xml")).toList()) {
                Matcher child = XML_CHILD.matcher(Files.readString(file));
                while (child.find()) {
                    Matcher field = XML_FIELD.matcher(child.group(1));
                    while (field.find()) {
                        secrets.put(field.group(2).trim(), field.group(1) + " in " + file.getFileName());
                    }
                }
            }
        }
        assertThat(secrets).as("the children's data the suite sends").hasSizeGreaterThan(10)
                .containsKeys("Alys Enghraifft", "9990000018", "2016-04-12", "SA31 1ZZ", "Jamie Sample");

        List<Path> logs;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            logs = files.filter(f -> f.getFileName().toString().startsWith("hub-test.log")).toList();
        }
        long lines = 0;
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
                Iterator<String> it = all.iterator();
                int number = 0;
                while (it.hasNext()) {
                    String line = it.next();
                    number++;
                    lines++;
                    for (var secret : secrets.entrySet()) {
                        if (line.contains(secret.getKey()) && found.size() < 50) {
                            found.add(log.getFileName() + ":" + number + " holds " + secret.getValue() + ": "
                                    + line.substring(0, Math.min(line.length(), 300)));
                        }
                    }
                }
            }
        }
        // the scan means something only if the suite's hubs wrote their log where it looks
        assertThat(lines).as("lines of target/hub-test.log* (run the flow tests first)").isGreaterThan(1000);
        assertThat(found).as("log lines with a child's data").isEmpty();
    }

    /** Names, dates of birth, NHS numbers and postcodes of children and household members in a message. */
    private static void collect(JsonNode node, boolean person, String file, Map<String, String> secrets) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                boolean personal = person || key.equals("children") || key.equals("child")
                        || key.equals("householdMembers");
                if (value.isTextual() && (key.equals("nhsNumber") || key.equals("dateOfBirth")
                        || key.equals("postcode") || (person && key.equals("name")))
                        && value.asText().length() >= 6) {
                    secrets.put(value.asText(), key + " in " + file);
                }
                if (key.equals("school") || key.equals("gpPractice") || key.equals("contact")) {
                    return; // an agency's name or a practitioner's contact, not the child's
                }
                collect(value, personal, file, secrets);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, person, file, secrets));
        }
    }
}

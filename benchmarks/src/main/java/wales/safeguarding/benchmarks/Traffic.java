package wales.safeguarding.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The messages one side of the benchmark sends, spread over the directory's councils, schools and GP practices:
 * every other message a duty-to-report about a child of one council (one copy, to that council; councils in turn),
 * the others an information share from the police naming a school and a GP practice (picked at random) about a
 * child of the next council (three copies: the council by rule, the school and the practice as named). Built from
 * the schemas' valid examples, each with a fresh {@code messageId} and its own case reference. The same seed picks
 * the same agencies, so two runs (and the two directories' runs) send the same shape of traffic.
 *
 * <p>Only agencies the stub can stand in for are picked: councils with a pushed endpoint and a local authority,
 * schools with a pushed endpoint, practices on {@code rest-json} (a {@code fhir-r4} practice would need the FHIR
 * validator, which is not what this measures).
 */
final class Traffic {

    /** One message to send and the agencies its copies must reach. */
    record Message(String id, byte[] body, List<String> recipients) {
    }

    private final ObjectMapper json;
    private final ObjectNode report;
    private final ObjectNode share;
    private final List<JsonNode> councils = new ArrayList<>();
    private final List<JsonNode> schools = new ArrayList<>();
    private final List<JsonNode> practices = new ArrayList<>();
    private final Random random;
    private int sent;

    Traffic(ObjectMapper json, JsonNode directory, ObjectNode dutyToReport, ObjectNode informationShare, long seed) {
        this.json = json;
        this.report = dutyToReport;
        this.share = informationShare;
        this.random = new Random(seed);
        for (JsonNode agency : directory.path("agencies")) {
            String transport = agency.path("endpoint").path("transport").asText("");
            boolean pushed = !transport.isEmpty() && !"pull".equals(transport);
            switch (agency.path("kind").asText()) {
                case "council" -> {
                    if (pushed && !agency.path("localAuthority").asText("").isEmpty()) {
                        councils.add(agency);
                    }
                }
                case "school" -> {
                    if (pushed) {
                        schools.add(agency);
                    }
                }
                case "gp-practice" -> {
                    if ("rest-json".equals(transport)) {
                        practices.add(agency);
                    }
                }
                default -> {
                    // police, boards, health boards, education services: not sent to by this traffic
                }
            }
        }
        if (councils.isEmpty() || schools.isEmpty() || practices.isEmpty()) {
            throw new IllegalStateException("the directory needs a council with a pushed endpoint, a school and a "
                    + "rest-json GP practice; it has " + councils.size() + ", " + schools.size() + " and "
                    + practices.size());
        }
    }

    String describe() {
        return councils.size() + " councils, " + schools.size() + " schools, " + practices.size() + " GP practices";
    }

    /** The next {@code count} messages. */
    List<Message> next(int count) throws JsonProcessingException {
        List<Message> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++, sent++) {
            JsonNode council = councils.get((sent / 2) % councils.size());
            out.add(sent % 2 == 0 ? dutyToReport(council) : informationShare(council));
        }
        return out;
    }

    private Message dutyToReport(JsonNode council) throws JsonProcessingException {
        ObjectNode m = report.deepCopy();
        String id = UUID.randomUUID().toString();
        m.put("messageId", id);
        ObjectNode child = (ObjectNode) m.path("body").path("children").path(0);
        child.put("localAuthority", council.path("localAuthority").asText());
        return new Message(id, json.writeValueAsBytes(m), List.of(council.path("id").asText()));
    }

    private Message informationShare(JsonNode council) throws JsonProcessingException {
        JsonNode school = schools.get(random.nextInt(schools.size()));
        JsonNode practice = practices.get(random.nextInt(practices.size()));
        ObjectNode m = share.deepCopy();
        String id = UUID.randomUUID().toString();
        m.put("messageId", id);
        m.put("caseReference", "BENCH-" + id);
        m.putArray("recipients").add(school.path("id").asText()).add(practice.path("id").asText());
        ObjectNode child = (ObjectNode) m.path("body").path("child");
        child.put("localAuthority", council.path("localAuthority").asText());
        ((ObjectNode) child.path("school")).put("schoolNumber", school.path("schoolNumber").asText());
        ((ObjectNode) child.path("gpPractice")).put("odsCode", practice.path("odsCode").asText());
        return new Message(id, json.writeValueAsBytes(m), List.of(council.path("id").asText(),
                school.path("id").asText(), practice.path("id").asText()));
    }
}

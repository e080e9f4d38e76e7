package wales.safeguarding.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes {@code deploy/directory/wales-directory.json}: a directory the size of Wales, in the layout of the demo
 * directory. The public bodies (22 local authorities, each with children's services and an education service, the 4
 * police forces, the 7 health boards and the 6 regional safeguarding boards) come from {@code wales-agencies.json}
 * with their real names and codes and which force and board covers each authority. The schools and GP practices are
 * synthetic: school numbers {@code 99LLNNN} (no Welsh local authority code starts with 99), ODS codes
 * {@code Z8LLNN} (a letter and five digits as the message schemas require; Welsh practices start with W), made-up
 * people, every endpoint on an {@code example.org} host, transport {@code rest-json} so no per-school secret is
 * needed. Deterministic: the same input gives the same file, byte for byte.
 *
 * <pre>benchmarks/wales-directory.sh [--input wales-agencies.json] [--output wales-directory.json]</pre>
 */
public final class WalesDirectory {

    static final int SCHOOLS = 1460;
    static final int PRACTICES = 380;
    private static final long SEED = 20261204L;
    private static final String TRANSPORT = "rest-json";

    /** Welsh names where the input gives only English ones. */
    private static final Map<String, String> WELSH = Map.ofEntries(
            Map.entry("north-wales-police", "Heddlu Gogledd Cymru"),
            Map.entry("dyfed-powys-police", "Heddlu Dyfed-Powys"),
            Map.entry("south-wales-police", "Heddlu De Cymru"),
            Map.entry("gwent-police", "Heddlu Gwent"),
            Map.entry("7A1", "Bwrdd Iechyd Prifysgol Betsi Cadwaladr"),
            Map.entry("7A2", "Bwrdd Iechyd Prifysgol Hywel Dda"),
            Map.entry("7A3", "Bwrdd Iechyd Prifysgol Bae Abertawe"),
            Map.entry("7A4", "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro"),
            Map.entry("7A5", "Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg"),
            Map.entry("7A6", "Bwrdd Iechyd Prifysgol Aneurin Bevan"),
            Map.entry("7A7", "Bwrdd Iechyd Addysgu Powys"),
            Map.entry("north-wales", "Bwrdd Diogelu Rhanbarthol Gogledd Cymru"),
            Map.entry("mid-and-west-wales", "Bwrdd Diogelu Rhanbarthol Canolbarth a Gorllewin Cymru"),
            Map.entry("west-glamorgan", "Bwrdd Diogelu Rhanbarthol Gorllewin Morgannwg"),
            Map.entry("cwm-taf-morgannwg", "Bwrdd Diogelu Rhanbarthol Cwm Taf Morgannwg"),
            Map.entry("cardiff-and-vale", "Bwrdd Diogelu Rhanbarthol Caerdydd a'r Fro"),
            Map.entry("gwent", "Bwrdd Diogelu Gwent"));

    /**
     * Made-up shares of Welsh-medium schools (and of councils and practices that want Welsh), higher where more
     * people speak Welsh; the default is {@link #WELSH_MEDIUM_DEFAULT}.
     */
    private static final Map<String, Double> WELSH_MEDIUM = Map.of(
            "W06000001", 0.8, "W06000002", 0.9, "W06000008", 0.6, "W06000010", 0.5,
            "W06000003", 0.3, "W06000004", 0.3, "W06000023", 0.2, "W06000009", 0.2);
    private static final double WELSH_MEDIUM_DEFAULT = 0.15;

    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(SEED);

    private WalesDirectory() {
    }

    public static void main(String... args) throws IOException {
        Path input = null;
        Path output = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: WalesDirectory --input wales-agencies.json --output wales-directory.json");
                    System.exit(2);
                }
            }
        }
        if (input == null || output == null) {
            System.err.println("usage: WalesDirectory --input wales-agencies.json --output wales-directory.json");
            System.exit(2);
        }
        ObjectNode directory = new WalesDirectory().build(new ObjectMapper().readTree(input.toFile()));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, write(directory), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "wrote %s: %d agencies%n", output, directory.path("agencies").size());
    }

    /** Pretty-printed as the demo directory is: two spaces, one array element a line, {@code "key": value}, LF. */
    static String write(JsonNode directory) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return new ObjectMapper().writer(printer).writeValueAsString(directory) + "\n";
    }

    ObjectNode build(JsonNode input) {
        ObjectNode root = json.createObjectNode();
        root.put("about", "Wales-size reference directory, written by benchmarks/WalesDirectory from "
                + "wales-agencies.json. The 22 local authorities (children's services and education service each), "
                + "4 police forces, 7 health boards and 6 regional safeguarding boards carry their real names and "
                + "codes; every endpoint, client and contact is made up. The " + SCHOOLS + " schools (school numbers "
                + "99LLNNN) and " + PRACTICES + " GP practices (ODS codes Z8LLNN) are synthetic and cannot be "
                + "mistaken for real ones. For the benchmark and tests; never use in production.");
        ArrayNode agencies = root.putArray("agencies");

        List<JsonNode> authorities = new ArrayList<>();
        input.path("localAuthorities").forEach(authorities::add);
        for (JsonNode la : authorities) {
            String ons = la.path("ons").asText();
            String slug = slug(la.path("name").path("en").asText());
            String language = random.nextDouble() < welshShare(ons) * 0.8 ? "cy" : "en";
            ObjectNode council = agency(agencies, slug + "-childrens-services", "council",
                    la.path("name").path("en").asText() + " Council Children's Services",
                    "Gwasanaethau Plant Cyngor " + la.path("name").path("cy").asText(), "councils", language);
            council.put("localAuthority", ons);
            council.put("policeForce", la.path("policeForce").asText());
            council.put("safeguardingBoard", la.path("safeguardingBoard").asText() + "-safeguarding-board");
            reorder(council);
            contacts(council, slug + ".example.org", "senior-safeguarding-manager", "Senior Safeguarding Manager",
                    "line-manager", "Head of Children's Services");

            ObjectNode education = agency(agencies, slug + "-education-service", "education-service",
                    la.path("name").path("en").asText() + " Council Education Service",
                    "Gwasanaeth Addysg Cyngor " + la.path("name").path("cy").asText(), "councils", language);
            education.put("localAuthority", ons);
            reorder(education);
            contacts(education, slug + "-education.example.org", "senior-safeguarding-manager", "Education Safeguarding Officer",
                    "line-manager", "Head of Education Services");
        }
        for (JsonNode force : input.path("policeForces")) {
            String id = force.path("id").asText();
            ObjectNode police = agency(agencies, id, "police", force.path("name").path("en").asText(),
                    welsh(force, id), "police", "unknown");
            contacts(police, id + ".example.org", "designated-safeguarding-person", "Public Protection Sergeant",
                    "line-manager", "Public Protection Inspector");
        }
        for (JsonNode board : input.path("healthBoards")) {
            String ods = board.path("ods").asText();
            String id = slug(board.path("name").path("en").asText());
            ObjectNode health = agency(agencies, id, "health-board", board.path("name").path("en").asText(),
                    welsh(board, ods), "health", "unknown");
            health.put("odsCode", ods);
            reorder(health);
            contacts(health, id + ".example.org", "designated-safeguarding-person", "Named Nurse for Safeguarding",
                    "line-manager", "Head of Safeguarding");
        }
        for (JsonNode board : input.path("regionalSafeguardingBoards")) {
            String region = board.path("id").asText();
            ObjectNode rsb = agency(agencies, region + "-safeguarding-board", "safeguarding-board",
                    board.path("name").path("en").asText(), welsh(board, region), "boards", "unknown");
            contacts(rsb, region + "-board.example.org", "board-business-manager", "Board Business Manager",
                    "chair", "Board Chair");
        }

        int[] schools = spread(SCHOOLS, authorities.size());
        for (int l = 0; l < authorities.size(); l++) {
            JsonNode la = authorities.get(l);
            String ons = la.path("ons").asText();
            for (int n = 1; n <= schools[l]; n++) {
                school(agencies, la, String.format(Locale.ROOT, "99%02d%03d", l + 1, n), n, welshShare(ons));
            }
        }
        int[] practices = spread(PRACTICES, authorities.size());
        for (int l = 0; l < authorities.size(); l++) {
            JsonNode la = authorities.get(l);
            String ons = la.path("ons").asText();
            for (int n = 1; n <= practices[l]; n++) {
                practice(agencies, la, String.format(Locale.ROOT, "Z8%02d%02d", l + 1, n), welshShare(ons));
            }
        }
        return root;
    }

    private void school(ArrayNode agencies, JsonNode la, String number, int n, double welshShare) {
        boolean welshMedium = random.nextDouble() < welshShare;
        String phase = n % 50 == 0 ? "Special" : n % 8 == 0 ? "Secondary" : "Primary";
        String cyPhase = switch (phase) {
            case "Special" -> "Arbennig";
            case "Secondary" -> "Uwchradd";
            default -> "Gynradd";
        };
        String en = (welshMedium ? "Example Welsh-medium " : "Example ") + phase + " School " + number + ", "
                + la.path("name").path("en").asText();
        String cy = "Ysgol " + cyPhase + (welshMedium ? " Gymraeg" : "") + " Enghreifftiol " + number + ", "
                + la.path("name").path("cy").asText();
        String id = "school-" + number;
        ObjectNode school = agency(agencies, id, "school", en, cy, "schools", welshMedium ? "cy" : "en");
        school.put("schoolNumber", number);
        // the school's area: a school transfer across the border of two councils tells both education services
        school.put("localAuthority", la.path("ons").asText());
        reorder(school);
        contacts(school, id + ".example.org", "designated-safeguarding-person", "Designated Safeguarding Person",
                "line-manager", "Head Teacher");
    }

    private void practice(ArrayNode agencies, JsonNode la, String ods, double welshShare) {
        String language = random.nextDouble() < welshShare * 0.5 ? "cy" : "en";
        String id = "gp-" + ods.toLowerCase(Locale.ROOT);
        ObjectNode practice = agency(agencies, id, "gp-practice",
                "Example Surgery " + ods + ", " + la.path("name").path("en").asText(),
                "Meddygfa Enghreifftiol " + ods + ", " + la.path("name").path("cy").asText(), "practices", language);
        practice.put("odsCode", ods);
        reorder(practice);
        contacts(practice, id + ".example.org", "designated-safeguarding-person", "Safeguarding Lead GP",
                "line-manager", "Practice Manager");
    }

    private ObjectNode agency(ArrayNode agencies, String id, String kind, String en, String cy, String domain,
            String language) {
        ObjectNode agency = agencies.addObject();
        agency.put("id", id);
        agency.put("kind", kind);
        ObjectNode name = agency.putObject("name");
        name.put("en", en);
        name.put("cy", cy);
        ObjectNode endpoint = agency.putObject("endpoint");
        endpoint.put("url", "https://" + id + "." + domain + ".example.org/hub");
        endpoint.put("transport", TRANSPORT);
        agency.put("language", language);
        agency.putArray("clientIds").add(id);
        return agency;
    }

    /** Moves endpoint, language and clients after the codes added since, as the demo directory orders them. */
    private static void reorder(ObjectNode agency) {
        for (String field : List.of("endpoint", "language", "clientIds")) {
            JsonNode value = agency.remove(field);
            agency.set(field, value);
        }
    }

    private static void contacts(ObjectNode agency, String domain, String role, String title, String managerRole,
            String managerTitle) {
        ArrayNode contacts = agency.putArray("contacts");
        contacts.addObject().put("role", role).put("name", "Example " + title)
                .put("email", role + "@" + domain);
        contacts.addObject().put("role", managerRole).put("name", "Example " + managerTitle)
                .put("email", managerRole + "@" + domain);
    }

    private static String welsh(JsonNode body, String key) {
        String cy = body.path("name").path("cy").asText("");
        if (!cy.isBlank()) {
            return cy;
        }
        String known = WELSH.get(key);
        if (known == null) {
            throw new IllegalArgumentException("no Welsh name for '" + key + "' in the input or in WalesDirectory");
        }
        return known;
    }

    private static double welshShare(String ons) {
        return WELSH_MEDIUM.getOrDefault(ons, WELSH_MEDIUM_DEFAULT);
    }

    /** {@code total} over {@code parts}, the remainder to the first ones: 1,460 over 22 is 8 × 67 and 14 × 66. */
    static int[] spread(int total, int parts) {
        int[] counts = new int[parts];
        for (int i = 0; i < parts; i++) {
            counts[i] = total / parts + (i < total % parts ? 1 : 0);
        }
        return counts;
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}

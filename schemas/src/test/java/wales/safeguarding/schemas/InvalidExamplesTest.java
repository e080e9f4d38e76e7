package wales.safeguarding.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import wales.safeguarding.schemas.validation.CanonicalValidator;
import wales.safeguarding.schemas.validation.Violation;

class InvalidExamplesTest {

    private static final String INVALID = "examples/invalid/";
    private static final String EXPECTED = INVALID + "expected-violations.json";

    record Expected(String pointer, String rule) {
    }

    static Stream<Arguments> invalidExamples() {
        JsonNode expected = Examples.tree(EXPECTED);
        List<Arguments> cases = new ArrayList<>();
        expected.fields().forEachRemaining(entry -> {
            List<Expected> violations = new ArrayList<>();
            entry.getValue().forEach(v -> violations.add(new Expected(v.get("pointer").asText(), v.get("rule").asText())));
            cases.add(Arguments.of(entry.getKey(), violations));
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void should_report_exactly_the_expected_violations(String file, List<Expected> expected) {
        List<Violation> violations = CanonicalValidator.fromClasspath().validate(Examples.tree(INVALID + file));

        assertThat(violations).extracting(v -> new Expected(v.pointer(), v.rule()))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @Test
    void should_list_expected_violations_for_every_invalid_example() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getClassLoader().getResource(INVALID).toURI());
        List<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.equals("expected-violations.json"))
                    .collect(Collectors.toList());
        }

        List<String> listed = new ArrayList<>();
        Examples.tree(EXPECTED).fieldNames().forEachRemaining(listed::add);

        assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void should_make_one_mistake_per_invalid_example_except_the_several_errors_one() {
        invalidExamples().forEach(arguments -> {
            String file = (String) arguments.get()[0];
            List<?> expected = (List<?>) arguments.get()[1];
            assertThat(expected).as(file).hasSize(file.equals("several-errors.json") ? 3 : 1);
        });
    }
}

package dev.hearken.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Checks the JSON Lines format described at the end of
 * {@code shared/conformance/growthbook/README.md}: one experiment run per line, freshly generated
 * by GrowthBook's JS SDK, each with the variation index it assigned (−1 when not in).
 */
final class GeneratedCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratedCases() {}

    /** One dynamic test per non-blank line; {@code checked} counts the lines that passed. */
    static Stream<DynamicTest> from(String source, List<String> lines, AtomicInteger checked) {
        return IntStream.range(0, lines.size())
                .filter(i -> !lines.get(i).isBlank())
                .mapToObj(i -> DynamicTest.dynamicTest(
                        source + " line " + (i + 1),
                        () -> {
                            check(lines.get(i));
                            checked.incrementAndGet();
                        }));
    }

    @SuppressWarnings("unchecked")
    private static void check(String line) throws IOException {
        Map<String, Object> c = JSON.readValue(line, Map.class);
        int n = ((Number) c.get("variations")).intValue();

        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("key", c.get("key"));
        definition.put("variations", new ArrayList<>(IntStream.range(0, n).boxed().toList()));
        for (String optional : List.of("weights", "coverage", "hashVersion", "seed", "namespace")) {
            if (c.get(optional) != null) {
                definition.put(optional, c.get(optional));
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", c.get("userId"));

        AssignmentResult result =
                ExperimentRunner.run(Experiment.fromMap(definition), attributes, RunContext.defaults());

        int assigned = result.inExperiment() ? result.variationId() : -1;
        assertThat(assigned)
                .as("variation for user %s in %s (reason %s)", c.get("userId"), c.get("key"), result.reason())
                .isEqualTo(((Number) c.get("expected")).intValue());
        if (c.get("inExperiment") != null) {
            assertThat(result.inExperiment()).isEqualTo(c.get("inExperiment"));
        }
    }
}

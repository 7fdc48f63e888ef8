package dev.hearken.experiment.assign.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.testing.RepositoryRoot;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExperimentRulesTest {

    @Test
    void a_definition_that_follows_growthbooks_rules_is_read_with_the_experiment_key() {
        Experiment e = ExperimentRules.read("checkout-copy", valid());

        assertThat(e.key()).isEqualTo("checkout-copy");
        assertThat(e.coverage()).isEqualTo(0.05);
    }

    @Test
    void every_shipped_experiment_follows_the_rules() throws IOException {
        List<Map<String, Object>> seeds = new ObjectMapper().readValue(
                RepositoryRoot.get().resolve("infra/seed/experiments.json").toFile(), new TypeReference<>() {});

        assertThat(seeds).isNotEmpty().allSatisfy(seed ->
                assertThat(ExperimentRules.read((String) seed.get("key"), seed).key()).isEqualTo(seed.get("key")));
    }

    static List<Arguments> broken_rules() {
        return List.of(
                Arguments.of("variations", List.of("only"), "definition.variations"),
                Arguments.of("weights", List.of(0.5, 0.4), "definition.weights"),
                Arguments.of("weights", List.of(0.5, 0.25, 0.25), "definition.weights"),
                Arguments.of("weights", List.of(1.5, -0.5), "definition.weights[0]"),
                Arguments.of("weights", List.of(0.5, "half"), "definition.weights[1]"),
                Arguments.of("coverage", 5, "definition.coverage"),
                Arguments.of("hashVersion", 3, "definition.hashVersion"),
                Arguments.of("namespace", List.of("ns", 0.5, 0.2), "definition.namespace"),
                Arguments.of("namespace", List.of("ns", 0.5), "definition.namespace"),
                Arguments.of("condition", Map.of("country", Map.of("$inn", List.of("US"))),
                        "definition.condition.country.$inn"),
                Arguments.of("condition", "country = US", "definition.condition"),
                Arguments.of("meta", List.of(Map.of("key", "a"), Map.of("key", "a")), "definition.meta[1].key"),
                Arguments.of("meta", List.of(Map.of("key", "a")), "definition.meta"),
                Arguments.of("ranges", List.of(List.of(0, 0.5)), "definition.ranges"),
                Arguments.of("ranges", List.of(List.of(0, 0.5), List.of(0.5, 1.5)), "definition.ranges[1]"),
                Arguments.of("force", 2, "definition.force"),
                Arguments.of("status", "paused", "definition.status"),
                Arguments.of("key", "another-key", "definition.key"),
                Arguments.of("phase", "2", "definition.phase"),
                Arguments.of("urlPatterns", List.of(), "definition.urlPatterns"));
    }

    @ParameterizedTest(name = "{0} = {1} is refused naming {2}")
    @MethodSource("broken_rules")
    void a_definition_that_breaks_a_rule_is_refused_naming_the_field(String field, Object value, String path) {
        Map<String, Object> definition = valid();
        definition.put(field, value);

        assertThatThrownBy(() -> ExperimentRules.read("checkout-copy", definition))
                .isInstanceOfSatisfying(InvalidExperimentException.class, e -> {
                    assertThat(e.field()).isEqualTo(path);
                    assertThat(e.getMessage()).startsWith(path);
                });
    }

    @Test
    void weights_that_add_up_to_one_only_in_decimal_are_accepted() {
        Map<String, Object> definition = valid();
        definition.put("variations", List.of("a", "b", "c"));
        definition.put("weights", List.of(0.34, 0.33, 0.33));
        definition.remove("meta");

        assertThat(ExperimentRules.read("checkout-copy", definition).weights()).hasSize(3);
    }

    @Test
    void goal_metrics_must_be_known_metrics_each_named_once() {
        assertThat(ExperimentRules.goalMetrics(List.of("push_opened", "revenue"))).containsExactly("push_opened", "revenue");
        assertThat(ExperimentRules.goalMetrics(null)).isEmpty();
        assertThatThrownBy(() -> ExperimentRules.goalMetrics(List.of("push_opened", "clicks")))
                .hasFieldOrPropertyWithValue("field", "goalMetrics[1]");
        assertThatThrownBy(() -> ExperimentRules.goalMetrics(List.of("revenue", "revenue")))
                .hasFieldOrPropertyWithValue("field", "goalMetrics[1]");
        assertThatThrownBy(() -> ExperimentRules.goalMetrics("revenue"))
                .hasFieldOrPropertyWithValue("field", "goalMetrics");
    }

    private static Map<String, Object> valid() {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("status", "draft");
        definition.put("hashVersion", 2);
        definition.put("variations", List.of("plain", "emoji"));
        definition.put("weights", List.of(0.5, 0.5));
        definition.put("coverage", 0.05);
        definition.put("namespace", List.of("checkout", 0, 0.5));
        definition.put("condition", Map.of("$or", List.of(Map.of("country", Map.of("$in", List.of("US", "BR"))),
                Map.of("plan", "pro"))));
        definition.put("meta", List.of(Map.of("key", "plain"), Map.of("key", "emoji", "name", "With emoji")));
        return definition;
    }
}

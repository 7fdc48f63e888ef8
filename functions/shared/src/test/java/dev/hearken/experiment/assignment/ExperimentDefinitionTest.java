package dev.hearken.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentDefinitionTest {

    @Test
    void aDefinitionWithoutVariationsIsRejectedNamingTheField() {
        assertThatThrownBy(() -> Experiment.fromMap(Map.of("key", "k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variations is required");
    }

    @Test
    void variationsThatAreNotAListAreRejectedNamingTheField() {
        assertThatThrownBy(() -> Experiment.fromMap(Map.of("key", "k", "variations", "a,b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variations must be a list");
    }

    @Test
    void aWeightThatIsNotANumberIsRejectedNamingItsIndex() {
        assertThatThrownBy(() -> Experiment.fromMap(
                        Map.of("key", "k", "variations", List.of(0, 1), "weights", List.of(0.5, "0.5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights[1] must be a number");
    }

    @Test
    void aMalformedNestedFieldIsRejectedWithItsPath() {
        Map<String, Object> json = Map.of("key", "k", "variations", List.of(0, 1),
                "filters", List.of(Map.of("seed", "s", "ranges", List.of(List.of(0, 0.5), List.of(0.5)))));

        assertThatThrownBy(() -> Experiment.fromMap(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filters[0].ranges[1] must be [start, end]");
    }

    @Test
    void aMissingKeyAnUnknownStatusAndAFractionalForceAreRejected() {
        assertThatThrownBy(() -> Experiment.fromMap(Map.of("variations", List.of(0, 1))))
                .hasMessage("key is required");
        assertThatThrownBy(() -> Experiment.fromMap(Map.of("key", "k", "variations", List.of(0, 1), "status", "runing")))
                .hasMessageStartingWith("status must be one of");
        assertThatThrownBy(() -> Experiment.fromMap(Map.of("key", "k", "variations", List.of(0, 1), "force", 0.5)))
                .hasMessage("force must be an integer");
    }

    @Test
    void browserUrlTargetingIsRejectedRatherThanSilentlyIgnored() {
        Map<String, Object> json = Map.of("key", "k", "variations", List.of(0, 1),
                "urlPatterns", List.of(Map.of("type", "simple", "pattern", "/checkout")));

        assertThatThrownBy(() -> Experiment.fromMap(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("urlPatterns is not supported");
    }

    @Test
    void aFullDefinitionSurvivesARoundTripThroughItsJsonForm() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", "checkout-copy");
        json.put("variations", Arrays.asList("a", Map.of("color", "blue"), null));
        json.put("weights", List.of(0.2, 0.3, 0.5));
        json.put("coverage", 0.9);
        json.put("hashAttribute", "deviceId");
        json.put("fallbackAttribute", "id");
        json.put("hashVersion", 2);
        json.put("seed", "5f0c");
        json.put("namespace", List.of("checkout", 0, 0.5));
        json.put("filters", List.of(Map.of("seed", "ns", "ranges", List.of(List.of(0, 0.3)), "attribute", "id")));
        json.put("ranges", List.of(List.of(0, 0.3), List.of(0.3, 0.6), List.of(0.6, 0.9)));
        json.put("condition", Map.of("country", Map.of("$in", List.of("US", "BR"))));
        json.put("parentConditions", List.of(Map.of("id", "new-checkout", "condition", Map.of("value", true))));
        json.put("meta", List.of(Map.of("key", "a"), Map.of("key", "b", "passthrough", true), Map.of()));
        json.put("status", "running");
        json.put("active", true);
        json.put("force", 1);
        json.put("name", "Checkout copy");

        Experiment experiment = Experiment.fromMap(json);

        assertThat(Experiment.fromMap(experiment.toMap())).isEqualTo(experiment);
        assertThat(experiment.toMap().keySet()).containsExactlyElementsOf(json.keySet());
        assertThat(Experiment.FIELDS).containsExactlyInAnyOrderElementsOf(json.keySet());
    }

    @Test
    void theDefinitionDoesNotChangeWhenTheCallersMapsDo() {
        List<Object> variations = new ArrayList<>(List.of(0, 1));
        Map<String, Object> json = new LinkedHashMap<>(Map.of("key", "k", "variations", variations));

        Experiment experiment = Experiment.fromMap(json);
        variations.add(2);

        assertThat(experiment.variations()).containsExactly(0, 1);
    }
}

package dev.hearken.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The language itself is covered by the cases.json conformance test; these pin down our own choices. */
class ConditionEvaluatorTest {

    @Test
    void anInvalidRegexMakesTheConditionFalseInsteadOfThrowing() {
        Map<String, Object> condition = Map.of("name", Map.of("$regex", "/???***[)"));

        assertThat(ConditionEvaluator.evaluate(Map.of("name", "hello"), condition, null)).isFalse();
        // a second evaluation hits the cached compile failure and still answers false
        assertThat(ConditionEvaluator.evaluate(Map.of("name", "hello"), condition, null)).isFalse();
        assertThat(ConditionEvaluator.evaluate(Map.of("name", "hello"), Map.of("name", Map.of("$regexi", "(")), null))
                .isFalse();
    }

    @Test
    void anInvalidRegexInsideNotStillFailsClosedOnlyForItsOwnOperator() {
        Map<String, Object> condition = Map.of("$or", List.of(
                Map.of("name", Map.of("$regex", "[")),
                Map.of("name", "hello")));

        assertThat(ConditionEvaluator.evaluate(Map.of("name", "hello"), condition, null)).isTrue();
    }

    @Test
    void numbersOfAnyJavaTypeCompareByValue() {
        Map<String, Object> condition = Map.of("age", Map.of("$gte", 18, "$in", List.of(18L, 30)));

        assertThat(ConditionEvaluator.evaluate(Map.of("age", 18.0), condition, null)).isTrue();
        assertThat(ConditionEvaluator.evaluate(Map.of("age", (short) 30), condition, null)).isTrue();
    }

    @Test
    void aNullConditionOrNoAttributesAreAccepted() {
        assertThat(ConditionEvaluator.evaluate(null, null, null)).isTrue();
        assertThat(ConditionEvaluator.evaluate(null, Map.of("plan", Map.of("$exists", false)), null)).isTrue();
    }
}

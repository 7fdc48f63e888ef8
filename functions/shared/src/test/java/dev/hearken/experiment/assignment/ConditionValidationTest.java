package dev.hearken.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ConditionEvaluator#validate}: what a person writes is refused when {@code evaluate} would read it as
 * something its author cannot have meant, naming the path at fault.
 */
class ConditionValidationTest {

    @Test
    void every_operator_and_logical_key_with_a_well_typed_operand_is_accepted() {
        Map<String, Object> condition = Map.of(
                "$or", List.of(Map.of("country", Map.of("$in", List.of("US", "BR"))), Map.of("vip", true)),
                "$not", Map.of("plan", "free"),
                "$nor", List.of(Map.of("age", Map.of("$lt", 18))),
                "$and", List.of(Map.of("appVersion", Map.of("$vgte", "5.2.0"))),
                "tags", Map.of("$elemMatch", Map.of("$eq", "beta"), "$size", Map.of("$gt", 0)),
                "devices", Map.of("$elemMatch", Map.of("os", "ios")),
                "email", Map.of("$regexi", "@example\\.com$", "$exists", true, "$type", "string"),
                "id", Map.of("$inGroup", "testers", "$not", Map.of("$in", List.of("user-1"))),
                "address", Map.of("city", "Lisbon"));

        assertThatCode(() -> ConditionEvaluator.validate(condition, "condition")).doesNotThrowAnyException();
        assertThatCode(() -> ConditionEvaluator.validate(null, "condition")).doesNotThrowAnyException();
    }

    @Test
    void an_unknown_operator_is_refused_with_its_path() {
        assertThatThrownBy(() -> ConditionEvaluator.validate(
                Map.of("$or", List.of(Map.of("vip", true), Map.of("country", Map.of("$inn", List.of("US"))))),
                "definition.condition"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("definition.condition.$or[1].country.$inn is not a GrowthBook operator");
    }

    @Test
    void an_unknown_logical_key_is_refused_rather_than_read_as_an_attribute() {
        assertThatThrownBy(() -> ConditionEvaluator.validate(Map.of("$xor", List.of()), "condition"))
                .hasMessageStartingWith("condition.$xor is not a logical operator");
    }

    @Test
    void operands_of_the_wrong_type_are_refused() {
        assertThatThrownBy(() -> ConditionEvaluator.validate(Map.of("country", Map.of("$in", "US")), "c"))
                .hasMessage("c.country.$in must be a list");
        assertThatThrownBy(() -> ConditionEvaluator.validate(Map.of("email", Map.of("$exists", "yes")), "c"))
                .hasMessage("c.email.$exists must be true or false");
        assertThatThrownBy(() -> ConditionEvaluator.validate(Map.of("v", Map.of("$vgt", 5)), "c"))
                .hasMessage("c.v.$vgt must be a string");
        assertThatThrownBy(() -> ConditionEvaluator.validate(Map.of("v", Map.of("$type", "integer")), "c"))
                .hasMessageStartingWith("c.v.$type must be one of");
        assertThatThrownBy(() -> ConditionEvaluator.validate(Map.of("$or", Map.of("a", 1)), "c"))
                .hasMessage("c.$or must be a list of conditions");
    }

    @Test
    void a_pattern_that_does_not_compile_and_nested_mistakes_are_refused() {
        assertThatThrownBy(() -> ConditionEvaluator.validate(Map.of("email", Map.of("$regex", "([a-z")), "c"))
                .hasMessage("c.email.$regex must be a valid regular expression");
        assertThatThrownBy(() -> ConditionEvaluator.validate(
                Map.of("tags", Map.of("$elemMatch", Map.of("$eqq", 1))), "c"))
                .hasMessage("c.tags.$elemMatch.$eqq is not a GrowthBook operator");
        assertThatThrownBy(() -> ConditionEvaluator.validate(Map.of("$not", List.of()), "c"))
                .hasMessage("c.$not must be an object");
    }
}

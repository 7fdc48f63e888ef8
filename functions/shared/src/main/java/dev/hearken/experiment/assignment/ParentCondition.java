package dev.hearken.experiment.assignment;

import java.util.Map;
import java.util.Objects;

/**
 * A prerequisite: the experiment only runs for users for whom feature {@code id} has a value
 * satisfying {@code condition}, which is evaluated against {@code {"value": <feature value>}}.
 *
 * @param gate GrowthBook's "blocking" flag. For an experiment, a blocking and a non-blocking
 *             failure both mean "not in"; the flag is kept so definitions round-trip.
 */
public record ParentCondition(String id, Map<String, Object> condition, boolean gate) {

    public ParentCondition {
        Objects.requireNonNull(id, "parent condition id");
        condition = condition == null ? Map.of() : JsValues.immutableJsonObject(condition, "parentConditions.condition");
    }
}

package dev.hearken.experiment.assignment;

import java.util.Map;

/**
 * Port through which {@link ExperimentRunner} reads the feature values that an experiment's
 * {@link Experiment#parentConditions() parentConditions} depend on. Feature evaluation itself
 * (rules, rollouts) is outside this package; an adapter that has it implements this interface.
 */
@FunctionalInterface
public interface PrerequisiteResolver {

    /** No features are known: every prerequisite sees {@code null}, as GrowthBook does for an unknown feature. */
    PrerequisiteResolver NONE = (featureId, attributes) -> null;

    /**
     * The value feature {@code featureId} has for the user with these attributes, as a JSON value,
     * or {@code null} when the feature is unknown.
     */
    Object featureValue(String featureId, Map<String, Object> attributes);
}

package dev.hearken.autoreply.aws;

import dev.hearken.autoreply.domain.VariantPicker;
import dev.hearken.experiment.service.Assignment;
import dev.hearken.experiment.service.AssignmentService;
import dev.hearken.experiment.service.UnknownExperimentException;
import java.util.Map;
import java.util.Optional;

/**
 * Template variants through the in-process experiment-assign library: the unit is the request id
 * (one ticket or review), so the first exposure is recorded once per reply, like a user's.
 */
public final class ExperimentVariantPicker implements VariantPicker {

    private final AssignmentService assignments;

    public ExperimentVariantPicker(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public Optional<String> variant(String experimentKey, String unitId) {
        try {
            Assignment a = assignments.assign(experimentKey, unitId, Map.of(AssignmentService.ID_ATTRIBUTE, unitId));
            return a.inExperiment() ? Optional.ofNullable(a.variationKey()) : Optional.empty();
        } catch (UnknownExperimentException e) {
            return Optional.empty(); // an experiment deleted while templates still name it: default text
        }
    }
}

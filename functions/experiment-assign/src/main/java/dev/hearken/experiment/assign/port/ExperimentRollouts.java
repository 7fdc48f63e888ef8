package dev.hearken.experiment.assign.port;

import dev.hearken.experiment.assign.results.RolloutService;
import dev.hearken.experiment.assignment.Experiment;
import java.util.OptionalLong;
import java.util.function.Function;

/** Stores a rolled-out experiment definition together with who rolled it out, when and why. */
public interface ExperimentRollouts {

    /**
     * Rolls the stored experiment out: {@code decide} sees the stored definition at version {@code expectedVersion}
     * and a {@link RolloutService.Done} that changed it is stored, with its rollout record, in one write conditional
     * on that version and audited under the rollout's {@code by}. Refusals and unchanged outcomes write nothing.
     *
     * @param expectedVersion the version the caller read; empty means whatever version is current, in which case a
     *                        write that loses a race with another change is decided and tried once more on the new
     *                        version
     * @return what {@code decide} answered
     * @throws dev.hearken.experiment.service.UnknownExperimentException when there is no such experiment
     */
    RolloutService.Outcome rollOut(String experimentKey, OptionalLong expectedVersion,
            Function<Experiment, RolloutService.Outcome> decide);
}

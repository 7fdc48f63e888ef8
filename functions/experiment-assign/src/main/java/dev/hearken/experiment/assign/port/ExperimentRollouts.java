package dev.hearken.experiment.assign.port;

import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assign.results.Rollout;

/** Stores a rolled-out experiment definition together with who rolled it out, when and why. */
public interface ExperimentRollouts {

    /**
     * Replaces the stored definition of {@code rolledOut.key()} with {@code rolledOut} and records
     * {@code rollout}, only if the stored definition still equals {@code expectedCurrent}.
     *
     * @return {@code false} when the stored definition changed meanwhile (nothing written)
     */
    boolean save(Experiment expectedCurrent, Experiment rolledOut, Rollout rollout);
}

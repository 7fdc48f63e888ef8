package dev.hearken.experiment.assign.conversion;

import java.util.Objects;

/**
 * An outcome event ready to be counted: for an experiment (with the variation to credit) and/or a
 * program.
 *
 * @param event       the event
 * @param variationId the variation credited, or {@code null} when the event counts for its program only
 */
public record AttributedConversion(OutcomeEvent event, Integer variationId) {

    public AttributedConversion {
        Objects.requireNonNull(event, "event");
    }

    /** Whether the experiment's aggregates change (not only the program's). */
    public boolean forExperiment() {
        return variationId != null;
    }
}

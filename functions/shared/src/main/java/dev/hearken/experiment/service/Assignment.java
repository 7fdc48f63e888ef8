package dev.hearken.experiment.service;

import dev.hearken.experiment.assignment.AssignmentResult;

/**
 * The outcome of assigning one user to one experiment, as callers (the HTTP API, push-send,
 * auto-reply) consume it.
 *
 * @param experimentKey the experiment
 * @param inExperiment  whether the user takes part; when {@code false}, callers use the control
 *                      ({@code variationId} 0, {@code value} of variation 0)
 * @param variationId   index of the variation
 * @param variationKey  the variation's key ({@code meta[i].key}, or the index as a string)
 * @param value         the variation's value as defined in the experiment (any JSON value)
 * @param hashUsed      {@code true} when the variation came from hashing (a real random assignment),
 *                      {@code false} when it was forced (winner rolled out, override) or not in
 * @param reason        why: {@code ASSIGNED}, {@code FORCED_WINNER}, {@code OUT_OF_COVERAGE}, …
 * @param firstExposure {@code true} when this call recorded the user's first exposure
 */
public record Assignment(
        String experimentKey,
        boolean inExperiment,
        int variationId,
        String variationKey,
        Object value,
        boolean hashUsed,
        String reason,
        boolean firstExposure) {

    static Assignment of(String experimentKey, AssignmentResult result, boolean firstExposure) {
        return new Assignment(
                experimentKey,
                result.inExperiment(),
                result.variationId(),
                result.variationKey(),
                result.value(),
                result.hashUsed(),
                result.reason().name(),
                firstExposure);
    }
}

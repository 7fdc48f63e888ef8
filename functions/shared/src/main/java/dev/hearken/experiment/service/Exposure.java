package dev.hearken.experiment.service;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's first exposure to an experiment: the variation they got and how it was derived, so
 * results can be attributed later (only events after {@code exposedAt} count).
 */
public record Exposure(
        String experimentKey,
        String userId,
        int variationId,
        String variationKey,
        String hashAttribute,
        Double bucket,
        Instant exposedAt) {

    public Exposure {
        Objects.requireNonNull(experimentKey, "experimentKey");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(exposedAt, "exposedAt");
    }
}

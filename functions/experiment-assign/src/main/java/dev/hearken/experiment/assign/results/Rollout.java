package dev.hearken.experiment.assign.results;

import java.time.Instant;
import java.util.Objects;

/**
 * The explicit decision to roll a variation out to everyone (GrowthBook's "forced" variation): who
 * decided, when and why.
 */
public record Rollout(int variationId, String variationKey, String by, Instant at, String reason) {

    public Rollout {
        Objects.requireNonNull(variationKey, "variationKey");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}

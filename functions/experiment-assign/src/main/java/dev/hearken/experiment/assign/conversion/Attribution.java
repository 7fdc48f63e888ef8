package dev.hearken.experiment.assign.conversion;

import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assignment.VariationMeta;
import dev.hearken.experiment.service.Exposure;
import java.time.Duration;
import java.util.Optional;

/**
 * Attributes an outcome event to the variation of the user's recorded first exposure: only events
 * at or after the exposure and within the attribution window count (GrowthBook's conversion window,
 * measured from first exposure).
 */
public final class Attribution {

    /** The verdict: the variation to credit, or why not. */
    public sealed interface Verdict {}

    /** Credit {@code variationId}. */
    public record Attributed(int variationId, String variationKey, Exposure exposure) implements Verdict {}

    /** Count nothing, for {@code reason}. */
    public record Ignored(IgnoreReason reason) implements Verdict {}

    private Attribution() {}

    /**
     * @param event      the outcome, for {@code experiment}
     * @param experiment the experiment the event names
     * @param exposure   the user's first exposure to it, if any
     * @param window     how long after the first exposure events still count
     */
    public static Verdict attribute(OutcomeEvent event, Experiment experiment, Optional<Exposure> exposure, Duration window) {
        if (event.variationKey() != null && variationIndex(experiment, event.variationKey()) < 0) {
            return new Ignored(IgnoreReason.UNKNOWN_VARIATION);
        }
        if (exposure.isEmpty()) {
            return new Ignored(IgnoreReason.NOT_EXPOSED);
        }
        Exposure first = exposure.get();
        if (first.variationId() < 0 || first.variationId() >= experiment.variations().size()) {
            return new Ignored(IgnoreReason.UNKNOWN_VARIATION); // the definition lost variations since
        }
        if (event.variationKey() != null && variationIndex(experiment, event.variationKey()) != first.variationId()) {
            return new Ignored(IgnoreReason.VARIATION_MISMATCH);
        }
        if (event.occurredAt().isBefore(first.exposedAt())) {
            return new Ignored(IgnoreReason.BEFORE_EXPOSURE);
        }
        if (event.occurredAt().isAfter(first.exposedAt().plus(window))) {
            return new Ignored(IgnoreReason.OUTSIDE_WINDOW);
        }
        return new Attributed(first.variationId(), variationKey(experiment, first.variationId()), first);
    }

    /** The index of the variation with key {@code key} ({@code meta[i].key}, or the index as text), or -1. */
    public static int variationIndex(Experiment experiment, String key) {
        for (int i = 0; i < experiment.variations().size(); i++) {
            if (key.equals(variationKey(experiment, i))) {
                return i;
            }
        }
        return -1;
    }

    /** The key of variation {@code i}: {@code meta[i].key} when given, else {@code i} as text (GrowthBook's rule). */
    public static String variationKey(Experiment experiment, int i) {
        if (experiment.meta() != null && i < experiment.meta().size()) {
            VariationMeta meta = experiment.meta().get(i);
            if (meta != null && meta.key() != null) {
                return meta.key();
            }
        }
        return Integer.toString(i);
    }
}

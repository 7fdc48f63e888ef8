package dev.hearken.experiment.assign.results;

import dev.hearken.experiment.assign.conversion.IgnoreReason;
import dev.hearken.experiment.assign.conversion.OutcomeType;
import java.util.Map;

/**
 * Every counter of one experiment, as read in one query.
 *
 * @param exposed users first exposed, per variation id
 * @param metrics per metric, per variation id
 * @param ignored events not counted, per reason
 */
public record AggregateSnapshot(
        Map<Integer, Long> exposed,
        Map<OutcomeType, Map<Integer, MetricTotals>> metrics,
        Map<IgnoreReason, Long> ignored) {

    public AggregateSnapshot {
        exposed = Map.copyOf(exposed);
        metrics = Map.copyOf(metrics);
        ignored = Map.copyOf(ignored);
    }

    /** Nothing recorded yet. */
    public static AggregateSnapshot empty() {
        return new AggregateSnapshot(Map.of(), Map.of(), Map.of());
    }

    /** Users exposed to {@code variationId}. */
    public long exposed(int variationId) {
        return exposed.getOrDefault(variationId, 0L);
    }

    /** Totals of {@code metric} in {@code variationId}. */
    public MetricTotals totals(OutcomeType metric, int variationId) {
        return metrics.getOrDefault(metric, Map.of()).getOrDefault(variationId, MetricTotals.NONE);
    }
}

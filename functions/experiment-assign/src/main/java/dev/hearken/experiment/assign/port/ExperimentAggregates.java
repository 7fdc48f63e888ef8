package dev.hearken.experiment.assign.port;

import dev.hearken.experiment.assign.conversion.IgnoreReason;
import dev.hearken.experiment.assign.results.AggregateSnapshot;
import dev.hearken.experiment.port.ExposureCounter;

/**
 * Per-experiment counters kept incrementally (atomic adds), so results never read raw events:
 * users first exposed per variation, per-metric totals (written by {@link ConversionLedger}) and the
 * reasons events were ignored.
 */
public interface ExperimentAggregates extends ExposureCounter {

    /** Adds one ignored event for {@code reason}. */
    void countIgnored(String experimentKey, IgnoreReason reason);

    /** Every counter of the experiment (empty when nothing happened yet). */
    AggregateSnapshot read(String experimentKey);
}

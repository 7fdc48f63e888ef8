package dev.hearken.experiment.assign.results;

/**
 * The counters of one metric in one variation.
 *
 * @param users      users with at least one counted event (converted users)
 * @param events     counted events
 * @param sum        Σ of per-user totals of event values (= Σ values)
 * @param sumSquares Σ of squared per-user totals
 */
public record MetricTotals(long users, long events, double sum, double sumSquares) {

    /** No events yet. */
    public static final MetricTotals NONE = new MetricTotals(0, 0, 0, 0);
}

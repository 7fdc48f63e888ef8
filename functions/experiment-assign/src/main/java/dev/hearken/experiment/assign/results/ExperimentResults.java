package dev.hearken.experiment.assign.results;

import dev.hearken.experiment.assign.conversion.OutcomeType;
import dev.hearken.experiment.assign.stats.BayesianResult;
import dev.hearken.experiment.assign.stats.FrequentistResult;
import dev.hearken.experiment.assign.stats.SampleRatioMismatch;
import java.util.List;
import java.util.Map;

/**
 * An experiment's results: traffic and its health, every metric per variation against the control,
 * and the winner the rule proposes.
 *
 * @param experimentKey   the experiment
 * @param status          its status ({@code running}, {@code stopped}, …)
 * @param forcedVariation the rolled-out variation, or {@code null}
 * @param variations      traffic per variation
 * @param srm             the sample-ratio-mismatch check on the first exposures
 * @param trustworthy     {@code false} when SRM was flagged: do not act on these numbers
 * @param metrics         one block per metric with data
 * @param goal            the metric the proposal is about, or {@code null}
 * @param proposal        the winner rule's verdict on the goal metric, or {@code null} without a goal
 * @param ignored         events not counted, per reason
 * @param options         how it was computed
 */
public record ExperimentResults(
        String experimentKey,
        String status,
        Integer forcedVariation,
        List<Variation> variations,
        SampleRatioMismatch.Check srm,
        boolean trustworthy,
        List<Metric> metrics,
        OutcomeType goal,
        WinnerRule.Decision proposal,
        Map<String, Long> ignored,
        ResultsOptions options) {

    /** Traffic of one variation: users first exposed, and the share the definition gives it. */
    public record Variation(int variationId, String variationKey, double weight, long users) {}

    /** One metric across variations. */
    public record Metric(OutcomeType metric, List<Arm> arms, WinnerRule.Decision winner) {}

    /**
     * One variation of one metric. For the control, {@code frequentist} and {@code bayesian} are {@code null}.
     *
     * @param users     users exposed (the statistic's n)
     * @param converted users with at least one event
     * @param events    events counted
     * @param sum       Σ values
     * @param mean      converted/users (conversion metrics, the rate) or sum/users (value metrics)
     * @param variance  per-user variance of the metric (p(1−p), or the sample variance of per-user totals)
     * @param uplift    the configured frequentist test for both relative and absolute effects (empty for the control)
     */
    public record Arm(
            int variationId,
            String variationKey,
            long users,
            long converted,
            long events,
            double sum,
            double mean,
            double variance,
            FrequentistResult frequentist,
            BayesianResult bayesian,
            Map<dev.hearken.experiment.assign.stats.DifferenceType, FrequentistResult> uplift) {}
}

package dev.hearken.experiment.assign.results;

import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assign.conversion.Attribution;
import dev.hearken.experiment.assign.conversion.IgnoreReason;
import dev.hearken.experiment.assign.conversion.OutcomeType;
import dev.hearken.experiment.assign.stats.BayesianResult;
import dev.hearken.experiment.assign.stats.BayesianTest;
import dev.hearken.experiment.assign.stats.DifferenceType;
import dev.hearken.experiment.assign.stats.FrequentistResult;
import dev.hearken.experiment.assign.stats.FrequentistTest;
import dev.hearken.experiment.assign.stats.SampleRatioMismatch;
import dev.hearken.experiment.assign.stats.SampleStatistic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns an experiment's counters into results: pure, no I/O. */
public final class ResultsCalculator {

    private ResultsCalculator() {}

    public static ExperimentResults compute(Experiment experiment, AggregateSnapshot counters, ResultsOptions options) {
        int arms = experiment.variations().size();
        List<Double> weights = weights(experiment);
        List<ExperimentResults.Variation> variations = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < arms; i++) {
            users.add(counters.exposed(i));
            variations.add(new ExperimentResults.Variation(i, Attribution.variationKey(experiment, i), weights.get(i), counters.exposed(i)));
        }
        SampleRatioMismatch.Check srm = arms < 2
                ? new SampleRatioMismatch.Check(1, SampleRatioMismatch.Status.NOT_ENOUGH_TRAFFIC, options.srmThreshold())
                : SampleRatioMismatch.check(users, weights, options.srmThreshold());

        List<ExperimentResults.Metric> metrics = new ArrayList<>();
        for (OutcomeType type : OutcomeType.values()) { // a stable order
            if (!counters.metrics().containsKey(type)) {
                continue;
            }
            List<ExperimentResults.Arm> metricArms = new ArrayList<>();
            SampleStatistic control = null;
            for (int i = 0; i < arms; i++) {
                MetricTotals t = counters.totals(type, i);
                long n = counters.exposed(i);
                SampleStatistic stat = statistic(type, n, t);
                ExperimentResults.Arm arm;
                if (i == 0) {
                    control = stat;
                    arm = arm(experiment, i, n, t, stat, null, null, Map.of());
                } else if (!canTest(control, stat)) {
                    arm = arm(experiment, i, n, t, stat, null, null, Map.of());
                } else {
                    Map<DifferenceType, FrequentistResult> uplift = new EnumMap<>(DifferenceType.class);
                    for (DifferenceType d : DifferenceType.values()) {
                        uplift.put(d, options.test().run(control, stat,
                                new FrequentistTest.Config(d, options.alpha(), options.sequentialTuning())));
                    }
                    arm = arm(experiment, i, n, t, stat, uplift.get(options.differenceType()),
                            BayesianTest.run(control, stat, new BayesianTest.Config(
                                    options.differenceType(), options.alpha(), options.prior(), type.inverse())),
                            uplift);
                }
                metricArms.add(arm);
            }
            metrics.add(new ExperimentResults.Metric(type, metricArms,
                    options.winnerRule().decide(metricArms, type.inverse(), srm)));
        }

        OutcomeType goal = options.goal();
        if (goal == null && metrics.size() == 1) {
            goal = metrics.get(0).metric();
        }
        WinnerRule.Decision proposal = null;
        if (goal != null) {
            OutcomeType g = goal;
            proposal = metrics.stream().filter(m -> m.metric() == g).map(ExperimentResults.Metric::winner).findFirst()
                    .orElse(new WinnerRule.Decision(null, "no events for the goal metric " + g.wireName() + " yet"));
        }
        Map<String, Long> ignored = new TreeMap<>();
        for (Map.Entry<IgnoreReason, Long> e : counters.ignored().entrySet()) {
            ignored.put(e.getKey().wireName(), e.getValue());
        }
        return new ExperimentResults(experiment.key(), experiment.status() == null ? "running" : experiment.status(),
                experiment.force(), variations, srm, !srm.mismatch(), metrics, goal, proposal,
                Collections.unmodifiableMap(new LinkedHashMap<>(ignored)), options);
    }

    /**
     * A conversion metric is the proportion of exposed users who converted; a value metric the mean of
     * per-user totals over exposed users (users without events count as 0). Counters are updated
     * independently, so converted users can briefly exceed exposures (an exposure counter write that
     * failed): the proportion is capped rather than rejected.
     */
    static SampleStatistic statistic(OutcomeType type, long n, MetricTotals t) {
        if (type.kind() == OutcomeType.Kind.CONVERSION) {
            return new SampleStatistic.Proportion(n, Math.min(t.users(), n));
        }
        return new SampleStatistic.SampleMean(n, t.sum(), t.sumSquares());
    }

    private static boolean canTest(SampleStatistic control, SampleStatistic treatment) {
        return control != null && control.n() >= 2 && treatment.n() >= 2;
    }

    private static ExperimentResults.Arm arm(Experiment e, int i, long n, MetricTotals t, SampleStatistic stat,
            FrequentistResult f, BayesianResult b, Map<DifferenceType, FrequentistResult> uplift) {
        return new ExperimentResults.Arm(i, Attribution.variationKey(e, i), n, t.users(), t.events(), t.sum(),
                stat.mean(), stat.variance(), f, b, Map.copyOf(uplift));
    }

    /** The configured split, normalised; equal when absent or invalid (GrowthBook's rule). */
    static List<Double> weights(Experiment e) {
        int arms = e.variations().size();
        List<Double> w = e.weights();
        if (w != null && w.size() == arms) {
            double total = w.stream().mapToDouble(Double::doubleValue).sum();
            if (total > 0.99 && total < 1.01) {
                return w;
            }
        }
        List<Double> equal = new ArrayList<>();
        for (int i = 0; i < arms; i++) {
            equal.add(1.0 / arms);
        }
        return equal;
    }
}

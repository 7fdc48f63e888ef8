package dev.hearken.experiment.assign.results;

import dev.hearken.experiment.assign.conversion.OutcomeType;
import dev.hearken.experiment.assign.stats.BayesianTest;
import dev.hearken.experiment.assign.stats.DifferenceType;
import dev.hearken.experiment.assign.stats.FrequentistTest;
import dev.hearken.experiment.assign.stats.SampleRatioMismatch;
import java.util.Objects;

/**
 * How results are computed; defaults come from configuration, a request may override some.
 *
 * @param test             the frequentist test (two-sided, one-sided, or sequential for teams who peek)
 * @param differenceType   relative or absolute effects
 * @param alpha            significance level / 1 − credibility
 * @param sequentialTuning N* of the sequential test
 * @param prior            prior of the Bayesian test
 * @param srmThreshold     p-value below which a sample-ratio mismatch is flagged
 * @param winnerRule       when a winner is proposed
 * @param goal             the metric the winner is decided on; {@code null} = the only metric with data
 */
public record ResultsOptions(
        FrequentistTest test,
        DifferenceType differenceType,
        double alpha,
        double sequentialTuning,
        BayesianTest.Prior prior,
        double srmThreshold,
        WinnerRule winnerRule,
        OutcomeType goal) {

    /** gbstats' and GrowthBook's defaults. */
    public static final ResultsOptions DEFAULTS = new ResultsOptions(FrequentistTest.TWO_SIDED, DifferenceType.RELATIVE,
            0.05, 5000, BayesianTest.Prior.FLAT, SampleRatioMismatch.DEFAULT_THRESHOLD, WinnerRule.DEFAULTS, null);

    public ResultsOptions {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(differenceType, "differenceType");
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(winnerRule, "winnerRule");
        new FrequentistTest.Config(differenceType, alpha, sequentialTuning); // validates alpha and N*
    }

    public ResultsOptions withTest(FrequentistTest t) {
        return new ResultsOptions(t, differenceType, alpha, sequentialTuning, prior, srmThreshold, winnerRule, goal);
    }

    public ResultsOptions withDifferenceType(DifferenceType d) {
        return new ResultsOptions(test, d, alpha, sequentialTuning, prior, srmThreshold, winnerRule, goal);
    }

    public ResultsOptions withAlpha(double a) {
        return new ResultsOptions(test, differenceType, a, sequentialTuning, prior, srmThreshold, winnerRule, goal);
    }

    public ResultsOptions withGoal(OutcomeType g) {
        return new ResultsOptions(test, differenceType, alpha, sequentialTuning, prior, srmThreshold, winnerRule, g);
    }
}

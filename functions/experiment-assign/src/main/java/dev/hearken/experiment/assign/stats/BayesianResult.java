package dev.hearken.experiment.assign.stats;

/**
 * A Bayesian effect test's answer, in gbstats' terms.
 *
 * @param expected      posterior mean of the effect
 * @param ciLower       α/2 quantile of the posterior (credible interval)
 * @param ciUpper       1 − α/2 quantile
 * @param upliftMean    posterior mean (= expected)
 * @param upliftStddev  posterior standard deviation
 * @param chanceToWin   posterior probability that the treatment is better (P(Δ > 0), or P(Δ < 0) for an
 *                      inverse metric); 0.5 when the test could not run
 * @param riskControl   expected loss of choosing the control: P(better)·E[gain | better]
 * @param riskTreatment expected loss of choosing the treatment
 * @param riskType      {@code relative} or {@code absolute}, the scale of the risks
 * @param errorMessage  {@code null}, or why the test could not run (see {@link EffectMoments})
 */
public record BayesianResult(
        double expected,
        double ciLower,
        double ciUpper,
        double upliftMean,
        double upliftStddev,
        double chanceToWin,
        double riskControl,
        double riskTreatment,
        String riskType,
        String errorMessage) {

    static BayesianResult failed(String riskType, String errorMessage) {
        return new BayesianResult(0, 0, 0, 0, 0, 0.5, 0, 0, riskType, errorMessage);
    }
}

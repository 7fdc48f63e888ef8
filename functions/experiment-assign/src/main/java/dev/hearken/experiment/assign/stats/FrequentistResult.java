package dev.hearken.experiment.assign.stats;

/**
 * A frequentist test's answer, in gbstats' terms.
 *
 * @param expected     the point estimate of the effect
 * @param ciLower      lower confidence bound ({@code -∞} for a one-sided "lesser" test)
 * @param ciUpper      upper confidence bound ({@code +∞} for a one-sided "greater" test)
 * @param upliftMean   mean of the effect's sampling distribution (= expected)
 * @param upliftStddev its standard error
 * @param pValue       the p-value; 1 when the test could not run
 * @param errorMessage {@code null}, or why the test could not run (see {@link EffectMoments})
 */
public record FrequentistResult(
        double expected,
        double ciLower,
        double ciUpper,
        double upliftMean,
        double upliftStddev,
        double pValue,
        String errorMessage) {

    static FrequentistResult failed(String errorMessage) {
        return new FrequentistResult(0, 0, 0, 0, 0, 1, errorMessage);
    }

    /** Whether the effect is significant at level {@code alpha}. */
    public boolean significant(double alpha) {
        return errorMessage == null && pValue < alpha;
    }
}

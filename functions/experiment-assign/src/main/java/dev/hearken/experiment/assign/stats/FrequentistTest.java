package dev.hearken.experiment.assign.stats;

import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The t-tests of GrowthBook's stats engine (gbstats 0.8.0, {@code gbstats/frequentist/tests.py}):
 * Welch's fixed-horizon test (two-sided and one-sided) and the sequential test for teams that look
 * at results before the planned end ("peeking").
 *
 * <p>Conformance: every non-CUPED frequentist vector of {@code gbstats/vectors.json} (test resources of this module)
 * within 1e-6 ({@code GbstatsConformanceTest}).
 */
public enum FrequentistTest {

    /** Fixed horizon, H1: the effect is not 0. */
    TWO_SIDED,
    /** Fixed horizon, H1: the treatment is greater. */
    ONE_SIDED_GREATER,
    /** Fixed horizon, H1: the treatment is lesser. */
    ONE_SIDED_LESSER,
    /**
     * Asymptotic confidence sequences (Waudby-Smith et al., arXiv 2103.06476), as gbstats'
     * {@code SequentialTwoSidedTTest}: the error rate holds however often results are looked at, at
     * the price of wider intervals.
     */
    SEQUENTIAL_TWO_SIDED;

    /** The name in configuration and APIs: {@code two-sided}, {@code one-sided-greater}, {@code one-sided-lesser}, {@code sequential}. */
    public String wireName() {
        return this == SEQUENTIAL_TWO_SIDED ? "sequential" : name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The test with this {@link #wireName()}. */
    public static java.util.Optional<FrequentistTest> of(String wireName) {
        return java.util.Arrays.stream(values()).filter(t -> t.wireName().equals(wireName)).findFirst();
    }

    /**
     * Test settings.
     *
     * @param differenceType     relative (default) or absolute effect
     * @param alpha              significance level, 0.05 by default
     * @param sequentialTuning   N*, the sample size the sequential test is tuned for (5000 in gbstats)
     */
    public record Config(DifferenceType differenceType, double alpha, double sequentialTuning) {

        /** gbstats' defaults: relative, α = 0.05, N* = 5000. */
        public static final Config DEFAULTS = new Config(DifferenceType.RELATIVE, 0.05, 5000);

        public Config {
            Objects.requireNonNull(differenceType, "differenceType");
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be within (0, 1): " + alpha);
            }
            if (!(sequentialTuning > 0)) {
                throw new IllegalArgumentException("sequentialTuning must be positive: " + sequentialTuning);
            }
        }
    }

    /** Runs this test of treatment {@code b} against control {@code a}. */
    public FrequentistResult run(SampleStatistic a, SampleStatistic b, Config config) {
        EffectMoments m = EffectMoments.of(a, b, config.differenceType());
        if (!m.ok()) {
            return FrequentistResult.failed(m.errorMessage());
        }
        double delta = m.estimate();
        double se = m.standardError();
        double alpha = config.alpha();
        if (this == SEQUENTIAL_TWO_SIDED) {
            return sequential(a.n() + b.n(), delta, se, alpha, config.sequentialTuning());
        }
        TDistribution t = new TDistribution(null, EffectMoments.welchDegreesOfFreedom(a, b), 1e-14);
        double stat = delta / se;
        return switch (this) {
            // cdf(-|t|) rather than 1 - cdf(|t|): keeps tiny p-values exact.
            case TWO_SIDED -> {
                double q = t.inverseCumulativeProbability(1 - alpha / 2);
                yield result(delta, delta - q * se, delta + q * se, se, 2 * t.cumulativeProbability(-Math.abs(stat)));
            }
            case ONE_SIDED_GREATER -> {
                double q = t.inverseCumulativeProbability(1 - alpha);
                yield result(delta, delta - q * se, Double.POSITIVE_INFINITY, se, t.cumulativeProbability(-stat));
            }
            case ONE_SIDED_LESSER -> {
                double q = t.inverseCumulativeProbability(1 - alpha);
                yield result(delta, Double.NEGATIVE_INFINITY, delta + q * se, se, t.cumulativeProbability(stat));
            }
            case SEQUENTIAL_TWO_SIDED -> throw new IllegalStateException("handled above");
        };
    }

    private static FrequentistResult sequential(long n, double delta, double se, double alpha, double tuning) {
        double logAlpha = -2 * Math.log(alpha);
        double rho2 = (logAlpha + Math.log(logAlpha + 1)) / tuning;
        double nRho2 = n * rho2;
        double halfWidth = Math.sqrt(se * se * n)
                * Math.sqrt(2 * (nRho2 + 1) * Math.log(Math.sqrt(nRho2 + 1) / alpha) / (nRho2 * n));
        // p = min(1, 1/E) with E = exp(ρ²S / (2(Nρ²+1))) / √(Nρ²+1), S = Δ²N/SE²; in logs to avoid overflow.
        double s = delta * delta * n / (se * se);
        double logE = rho2 * s / (2 * (nRho2 + 1)) - 0.5 * Math.log(nRho2 + 1);
        double p = logE <= 0 ? 1 : Math.exp(-logE);
        return result(delta, delta - halfWidth, delta + halfWidth, se, p);
    }

    private static FrequentistResult result(double delta, double lo, double hi, double se, double p) {
        return new FrequentistResult(delta, lo, hi, delta, se, Math.min(1, p), null);
    }
}

package dev.hearken.experiment.assign.stats;

import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * GrowthBook's Bayesian effect test (gbstats 0.8.0, {@code EffectBayesianABTest}): a normal
 * approximation on the effect Δ — not a Beta-Binomial model. With the default improper (flat) prior
 * the posterior is N(Δ, SE²); with a proper prior N(μ₀, σ₀²) the usual conjugate update applies.
 *
 * <p>Conformance: every Bayesian vector of {@code gbstats/vectors.json} (test resources of this module) within 1e-6.
 */
public final class BayesianTest {

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1, 1e-14);

    private BayesianTest() {}

    /**
     * A prior on the effect, on the <em>relative</em> scale (rescaled by |m_a| and m_a² for absolute
     * effects, as gbstats does).
     *
     * @param mean     μ₀
     * @param variance σ₀²; GrowthBook's default proper prior is N(0, 0.3²)
     * @param proper   {@code false} = flat prior, the default, which ignores mean and variance
     */
    public record Prior(double mean, double variance, boolean proper) {

        /** The flat (improper) prior, gbstats' default. */
        public static final Prior FLAT = new Prior(0, 1, false);
        /** GrowthBook's default proper prior when one is switched on: N(0, 0.3²). */
        public static final Prior GROWTHBOOK_PROPER = new Prior(0, 0.09, true);

        public Prior {
            if (proper && !(variance > 0)) {
                throw new IllegalArgumentException("a proper prior needs a positive variance: " + variance);
            }
        }
    }

    /**
     * Test settings.
     *
     * @param differenceType relative (default) or absolute effect
     * @param alpha          1 − credibility of the interval, 0.05 by default
     * @param prior          prior on the effect
     * @param inverse        {@code true} for metrics where lower is better (ticket reopened, bad CSAT)
     */
    public record Config(DifferenceType differenceType, double alpha, Prior prior, boolean inverse) {

        /** gbstats' defaults: relative, α = 0.05, flat prior, not inverse. */
        public static final Config DEFAULTS = new Config(DifferenceType.RELATIVE, 0.05, Prior.FLAT, false);

        public Config {
            Objects.requireNonNull(differenceType, "differenceType");
            Objects.requireNonNull(prior, "prior");
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be within (0, 1): " + alpha);
            }
        }
    }

    /** Runs the test of treatment {@code b} against control {@code a}. */
    public static BayesianResult run(SampleStatistic a, SampleStatistic b, Config config) {
        String riskType = config.differenceType().wireName();
        EffectMoments m = EffectMoments.of(a, b, config.differenceType());
        if (!m.ok()) {
            return BayesianResult.failed(riskType, m.errorMessage());
        }
        double mean = m.estimate();
        double sd = m.standardError();
        Prior prior = config.prior();
        if (prior.proper()) {
            double scale = config.differenceType() == DifferenceType.ABSOLUTE ? Math.abs(a.mean()) : 1;
            double priorMean = prior.mean() * scale;
            double priorVariance = prior.variance() * scale * scale;
            double precision = 1 / (sd * sd) + 1 / priorVariance;
            mean = (m.estimate() / (sd * sd) + priorMean / priorVariance) / precision;
            sd = Math.sqrt(1 / precision);
        }
        double z = STANDARD.inverseCumulativeProbability(1 - config.alpha() / 2);
        double ratio = mean / sd;
        double pGreater = STANDARD.cumulativeProbability(ratio);
        double pLesser = STANDARD.cumulativeProbability(-ratio);
        double density = STANDARD.density(ratio);
        // P(X>0)·E[X | X>0] and −P(X<0)·E[X | X<0] for X ~ N(mean, sd²) (truncated-normal means).
        double gainIfBetter = mean * pGreater + sd * density;
        double lossIfWorse = sd * density - mean * pLesser;
        double chanceToWin = config.inverse() ? pLesser : pGreater;
        double riskControl = config.inverse() ? lossIfWorse : gainIfBetter;
        double riskTreatment = config.inverse() ? gainIfBetter : lossIfWorse;
        return new BayesianResult(mean, mean - z * sd, mean + z * sd, mean, sd,
                chanceToWin, riskControl, riskTreatment, riskType, null);
    }
}

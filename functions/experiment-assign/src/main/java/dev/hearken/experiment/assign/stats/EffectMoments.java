package dev.hearken.experiment.assign.stats;

/**
 * The treatment effect and its standard error by the delta method, as gbstats' {@code EffectMoments}.
 *
 * @param estimate      Δ, relative or absolute
 * @param standardError √Var(Δ)
 * @param errorMessage  {@code null}, or why no test can run ({@link #ZERO_NEGATIVE_VARIANCE},
 *                      {@link #BASELINE_VARIATION_ZERO}); then both numbers are 0
 */
public record EffectMoments(double estimate, double standardError, String errorMessage) {

    /** An arm (or the effect) has no variance: e.g. no conversions at all in the control. */
    public static final String ZERO_NEGATIVE_VARIANCE = "ZERO_NEGATIVE_VARIANCE";
    /** The control's mean is 0, so a relative effect is undefined. */
    public static final String BASELINE_VARIATION_ZERO = "BASELINE_VARIATION_ZERO";

    /** Whether a test can run on these moments. */
    public boolean ok() {
        return errorMessage == null;
    }

    /** The moments of treatment {@code b} against control {@code a}. */
    public static EffectMoments of(SampleStatistic a, SampleStatistic b, DifferenceType type) {
        if (a instanceof SampleStatistic.RegressionAdjusted ra && b instanceof SampleStatistic.RegressionAdjusted rb) {
            double theta = SampleStatistic.RegressionAdjusted.theta(ra, rb);
            // As gbstats: without variance to adjust by, fall back to the unadjusted statistics.
            a = theta == 0 ? ra.post() : ra.withTheta(theta);
            b = theta == 0 ? rb.post() : rb.withTheta(theta);
        } else if (a instanceof SampleStatistic.RegressionAdjusted || b instanceof SampleStatistic.RegressionAdjusted) {
            throw new IllegalArgumentException("both arms must be regression adjusted, or neither");
        }
        boolean relative = type == DifferenceType.RELATIVE;
        double variance = variance(a, b, relative);
        // Same order of checks as gbstats: zero variance first (a NaN variance is not "<= 0"), then a zero baseline.
        if (a.variance() <= 0 || b.variance() <= 0 || variance <= 0) {
            return new EffectMoments(0, 0, ZERO_NEGATIVE_VARIANCE);
        }
        if (a.mean() == 0 || a.unadjustedMean() == 0) {
            return new EffectMoments(0, 0, BASELINE_VARIATION_ZERO);
        }
        double diff = b.mean() - a.mean();
        return new EffectMoments(relative ? diff / Math.abs(a.unadjustedMean()) : diff, Math.sqrt(variance), null);
    }

    /**
     * Var(Δ): absolute {@code v_b/n_b + v_a/n_a}; relative (delta method)
     * {@code (v_b/n_b)/m_a² + (v_a/n_a)·m_b²/m_a⁴}.
     */
    static double variance(SampleStatistic a, SampleStatistic b, boolean relative) {
        double va = a.variance() / a.n();
        double vb = b.variance() / b.n();
        if (!relative) {
            return va + vb;
        }
        if (a instanceof SampleStatistic.RegressionAdjusted ra && b instanceof SampleStatistic.RegressionAdjusted rb) {
            return relativeCupedVariance(ra, rb);
        }
        double ma2 = a.unadjustedMean() * a.unadjustedMean();
        double mb = b.unadjustedMean();
        return vb / ma2 + va * mb * mb / (ma2 * ma2);
    }

    /** The delta-method variance of a relative CUPED effect (gbstats' {@code frequentist_variance_relative_cuped}). */
    private static double relativeCupedVariance(SampleStatistic.RegressionAdjusted a, SampleStatistic.RegressionAdjusted b) {
        double ua2 = a.unadjustedMean() * a.unadjustedMean();
        double denTreatment = b.n() * ua2;
        double denControl = a.n() * ua2;
        if (denTreatment == 0 || denControl == 0) {
            return 0;
        }
        double theta = a.theta() == null ? 0 : a.theta();
        double vTreatment = (b.post().variance() + theta * theta * b.pre().variance() - 2 * theta * b.covariance())
                / denTreatment;
        double c = -b.post().mean();
        double vControl = (a.post().variance() * c * c / (a.post().mean() * a.post().mean())
                + 2 * theta * a.covariance() * c / a.post().mean()
                + theta * theta * a.pre().variance()) / denControl;
        return vTreatment + vControl;
    }

    /**
     * Welch–Satterthwaite degrees of freedom from the per-unit variances:
     * {@code (v_b/n_b + v_a/n_a)² / (v_b²/(n_b²(n_b−1)) + v_a²/(n_a²(n_a−1)))}.
     */
    public static double welchDegreesOfFreedom(SampleStatistic a, SampleStatistic b) {
        double va = a.variance();
        double vb = b.variance();
        double na = a.n();
        double nb = b.n();
        double num = vb / nb + va / na;
        return num * num / (vb * vb / (nb * nb * (nb - 1)) + va * va / (na * na * (na - 1)));
    }
}

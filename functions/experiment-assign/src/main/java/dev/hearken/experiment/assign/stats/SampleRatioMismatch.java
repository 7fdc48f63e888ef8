package dev.hearken.experiment.assign.stats;

import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * The sample-ratio-mismatch (SRM) check: do the users per variation match the configured split?
 * A mismatch means assignment or exposure logging is broken, so the result cannot be trusted
 * whatever it says.
 *
 * <p>As gbstats' {@code check_srm}: χ² = Σ (o_i − e_i)²/e_i over arms with a positive weight, with
 * e_i = w_i/Σw · Σo, and the p-value is the χ² survival function with (arms − 1) degrees of freedom
 * (1 when nobody is there). As GrowthBook's health check ({@code getSRMHealthData}): below
 * {@value #MIN_USERS_PER_VARIATION} × arms users the verdict is "not enough traffic", otherwise SRM
 * when p < the threshold (0.001 by default).
 */
public final class SampleRatioMismatch {

    /** GrowthBook's {@code DEFAULT_SRM_THRESHOLD}. */
    public static final double DEFAULT_THRESHOLD = 0.001;
    /** GrowthBook checks SRM only once users ≥ 8 × variations. */
    public static final int MIN_USERS_PER_VARIATION = 8;

    /** The health verdict. */
    public enum Status {
        /** The split looks as configured. */
        HEALTHY,
        /** p below the threshold: the result is untrustworthy. */
        MISMATCH,
        /** Too few users to tell. */
        NOT_ENOUGH_TRAFFIC
    }

    /**
     * The check's result.
     *
     * @param pValue    χ² p-value
     * @param status    the verdict
     * @param threshold the p-value below which a mismatch is flagged
     */
    public record Check(double pValue, Status status, double threshold) {

        /** Whether the result must be treated as untrustworthy. */
        public boolean mismatch() {
            return status == Status.MISMATCH;
        }
    }

    private SampleRatioMismatch() {}

    /** The χ² p-value of {@code users} against {@code weights} (same length; weights need not sum to 1). */
    public static double pValue(List<Long> users, List<Double> weights) {
        if (users.size() != weights.size() || users.size() < 2) {
            throw new IllegalArgumentException("need one weight per arm and at least two arms");
        }
        double totalWeight = 0;
        double totalUsers = 0;
        for (int i = 0; i < users.size(); i++) {
            totalWeight += weights.get(i);
            totalUsers += users.get(i);
        }
        if (totalUsers == 0 || !(totalWeight > 0)) {
            return 1;
        }
        double x = 0;
        for (int i = 0; i < users.size(); i++) {
            double expected = weights.get(i) / totalWeight * totalUsers;
            if (expected > 0) {
                double d = users.get(i) - expected;
                x += d * d / expected;
            }
        }
        // The survival function as the regularised upper incomplete gamma Q(k/2, x/2): exact for tiny
        // p-values, where 1 − cdf would cancel to 0.
        return Gamma.regularizedGammaQ((users.size() - 1) / 2.0, x / 2);
    }

    /** The health check with GrowthBook's traffic minimum and {@code threshold}. */
    public static Check check(List<Long> users, List<Double> weights, double threshold) {
        double p = pValue(users, weights);
        long total = users.stream().mapToLong(Long::longValue).sum();
        Status status;
        if (total < (long) MIN_USERS_PER_VARIATION * users.size()) {
            status = Status.NOT_ENOUGH_TRAFFIC;
        } else {
            status = p < threshold ? Status.MISMATCH : Status.HEALTHY;
        }
        return new Check(p, status, threshold);
    }
}

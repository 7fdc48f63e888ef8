package dev.hearken.experiment.stats;

/**
 * Sufficient statistics of one arm (variation) of an experiment for one metric, per unit (user).
 * This is all a result needs, which is why aggregates can be kept incrementally as counters.
 */
public sealed interface SampleStatistic {

    /** Units (users) in the arm. */
    long n();

    /** Mean per unit. */
    double mean();

    /** Variance per unit (not of the mean). */
    double variance();

    /**
     * A conversion rate: {@code sum} of {@code n} units converted. Variance {@code p(1-p)}, without
     * the {@code n-1} correction, as gbstats' {@code ProportionStatistic}.
     */
    record Proportion(long n, double sum) implements SampleStatistic {

        public Proportion {
            if (n < 0 || sum < 0 || sum > n) {
                throw new IllegalArgumentException("need 0 <= sum <= n: n=" + n + ", sum=" + sum);
            }
        }

        @Override
        public double mean() {
            return n == 0 ? 0 : sum / n;
        }

        @Override
        public double variance() {
            double p = mean();
            return p * (1 - p);
        }
    }

    /**
     * A value metric: {@code sum} = Σy and {@code sumSquares} = Σy² over the arm's {@code n} units
     * (units without any value count as y = 0). Sample variance with the {@code n-1} correction; 0
     * for fewer than two units, as gbstats' {@code SampleMeanStatistic}.
     */
    record SampleMean(long n, double sum, double sumSquares) implements SampleStatistic {

        public SampleMean {
            if (n < 0 || sumSquares < 0) {
                throw new IllegalArgumentException("need n >= 0 and sumSquares >= 0: n=" + n);
            }
        }

        @Override
        public double mean() {
            return n == 0 ? 0 : sum / n;
        }

        @Override
        public double variance() {
            if (n <= 1) {
                return 0;
            }
            return (sumSquares - sum * sum / n) / (n - 1);
        }
    }
}

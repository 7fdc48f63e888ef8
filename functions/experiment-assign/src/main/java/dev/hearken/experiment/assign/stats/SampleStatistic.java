package dev.hearken.experiment.assign.stats;

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

    /** The mean without any regression adjustment (CUPED); relative effects are scaled by it. */
    default double unadjustedMean() {
        return mean();
    }

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

    /**
     * CUPED (regression adjustment, gbstats' {@code RegressionAdjustedStatistic}): the metric after
     * exposure ({@code post}) adjusted by the same metric before it ({@code pre}) with
     * θ = cov(post, pre)/var(pre), pooled over both arms ({@link #theta(RegressionAdjusted, RegressionAdjusted)}).
     * Not fed by Hearken's aggregates yet (they keep no pre-exposure period); here for the statistics.
     *
     * @param n                     units
     * @param post                  the metric in the experiment period
     * @param pre                   the same metric before exposure, same kind as {@code post}
     * @param postPreSumOfProducts  Σ post·pre over units
     * @param theta                 the adjustment coefficient; {@code null} = not set (0)
     */
    record RegressionAdjusted(long n, SampleStatistic post, SampleStatistic pre, double postPreSumOfProducts, Double theta)
            implements SampleStatistic {

        public RegressionAdjusted {
            if (post instanceof RegressionAdjusted || pre == null || post.getClass() != pre.getClass()) {
                throw new IllegalArgumentException("post and pre must be plain statistics of the same kind");
            }
        }

        private double t() {
            return theta == null ? 0 : theta;
        }

        @Override
        public double mean() {
            return post.mean() - t() * pre.mean();
        }

        @Override
        public double unadjustedMean() {
            return post.mean();
        }

        @Override
        public double variance() {
            if (n <= 1) {
                return 0;
            }
            double t = t();
            return post.variance() + t * t * pre.variance() - 2 * t * covariance();
        }

        /** cov(post, pre) per unit. */
        public double covariance() {
            return covariance(n, post, pre, postPreSumOfProducts);
        }

        RegressionAdjusted withTheta(double value) {
            return new RegressionAdjusted(n, post, pre, postPreSumOfProducts, value);
        }

        /** θ over both arms pooled; 0 when either pooled variance is 0 (then the test uses the unadjusted statistics). */
        static double theta(RegressionAdjusted a, RegressionAdjusted b) {
            long n = a.n() + b.n();
            SampleStatistic post = joint(a.post(), b.post(), n);
            SampleStatistic pre = joint(a.pre(), b.pre(), n);
            if (pre.variance() == 0 || post.variance() == 0) {
                return 0;
            }
            return covariance(n, post, pre, a.postPreSumOfProducts() + b.postPreSumOfProducts()) / pre.variance();
        }

        private static SampleStatistic joint(SampleStatistic a, SampleStatistic b, long n) {
            if (a instanceof Proportion pa && b instanceof Proportion pb) {
                return new Proportion(n, pa.sum() + pb.sum());
            }
            if (a instanceof SampleMean ma && b instanceof SampleMean mb) {
                return new SampleMean(n, ma.sum() + mb.sum(), ma.sumSquares() + mb.sumSquares());
            }
            throw new IllegalArgumentException("a metric's statistics must be of one kind across variations");
        }

        private static double covariance(long n, SampleStatistic a, SampleStatistic b, double sumOfProducts) {
            if (n <= 1) {
                return 0;
            }
            if (a instanceof Proportion pa && b instanceof Proportion pb) {
                return sumOfProducts / n - pa.sum() * pb.sum() / ((double) n * n);
            }
            return (sumOfProducts - sum(a) * sum(b) / n) / (n - 1);
        }

        private static double sum(SampleStatistic s) {
            return switch (s) {
                case Proportion p -> p.sum();
                case SampleMean m -> m.sum();
                case RegressionAdjusted r -> throw new IllegalArgumentException("nested adjustment");
            };
        }
    }
}

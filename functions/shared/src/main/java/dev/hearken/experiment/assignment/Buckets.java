package dev.hearken.experiment.assignment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GrowthBook's bucketing arithmetic: weights and coverage to ranges, and a hash to a variation.
 *
 * <p>Coverage only shortens each variation's slot from its end ({@code [c, c + coverage·w)}), so
 * raising coverage later never moves an already-included user to another variation.
 */
public final class Buckets {

    private Buckets() {}

    /** {@code n} equal weights of {@code 1.0/n}; empty for {@code n <= 0}. */
    public static List<Double> getEqualWeights(int n) {
        if (n <= 0) {
            return List.of();
        }
        return Collections.nCopies(n, 1.0 / n);
    }

    /**
     * The variation ranges for {@code n} variations.
     *
     * @param coverage share of users included, {@code null} meaning 1; clamped to [0, 1]
     * @param weights  per-variation weights; replaced by equal weights when {@code null}, of the
     *                 wrong length, or not adding up to 1 ± 0.01 (GrowthBook's tolerance)
     */
    public static List<Range> getBucketRanges(int n, Double coverage, List<Double> weights) {
        double cov = coverage == null ? 1 : Math.min(1, Math.max(0, coverage));
        List<Double> w = weights;
        if (w == null || w.size() != n) {
            w = getEqualWeights(n);
        } else {
            double total = 0;
            for (double x : w) {
                total += x; // left to right, as JS reduce does, so rounding matches
            }
            if (total < 0.99 || total > 1.01) {
                w = getEqualWeights(n);
            }
        }
        List<Range> ranges = new ArrayList<>(w.size());
        double cumulative = 0;
        for (double x : w) {
            double start = cumulative;
            cumulative += x;
            ranges.add(new Range(start, start + cov * x));
        }
        return Collections.unmodifiableList(ranges);
    }

    /** Index of the first range holding {@code n} (start included, end excluded), or −1. */
    public static int chooseVariation(double n, List<Range> ranges) {
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).contains(n)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the user with {@code hashValue} falls in {@code ns}: {@code hash("__" + id, hashValue, 1)}. */
    public static boolean inNamespace(String hashValue, Namespace ns) {
        double n = GrowthBookHash.hashOrNaN("__" + ns.id(), hashValue, 1);
        return n >= ns.start() && n < ns.end();
    }
}

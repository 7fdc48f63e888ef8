package dev.hearken.experiment.assignment;

/**
 * GrowthBook's deterministic bucketing hash: FNV-1a 32-bit, turned into a number in [0, 1).
 *
 * <p><b>Compatibility trade-off.</b> The hash runs over UTF-16 code units ({@link String#charAt}),
 * exactly as GrowthBook's JavaScript SDK ({@code charCodeAt}) does, so a user gets the same
 * variation here as in any JS client or in GrowthBook's own results. GrowthBook's Java SDK hashes
 * {@code getBytes()} (UTF-8) instead and the Python SDK hashes code points; those agree with the JS
 * SDK only for ASCII (and, for Python, outside the astral planes), so for ids with accents or emoji
 * this class deliberately disagrees with GrowthBook's Java SDK. The division is done in
 * {@code double} as in JS; the Java SDK's {@code float} can move users sitting on a boundary.
 */
public final class GrowthBookHash {

    private static final int FNV_OFFSET_BASIS = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private GrowthBookHash() {}

    /** FNV-1a 32-bit over the UTF-16 code units of {@code s}, as an unsigned value. */
    public static long fnv1a32(String s) {
        return Integer.toUnsignedLong(update(FNV_OFFSET_BASIS, s));
    }

    /**
     * GrowthBook's {@code hash(seed, value, version)}.
     *
     * <ul>
     *   <li>version 1: {@code fnv(value + seed) mod 1000 / 1000} (biased when experiments overlap;
     *       still the default when an experiment names no version)
     *   <li>version 2: {@code fnv(decimal(fnv(seed + value))) mod 10000 / 10000}
     * </ul>
     *
     * @return a number in [0, 1), or {@code null} for any other version (the user is then never in
     *     the experiment)
     */
    public static Double hash(String seed, String value, int version) {
        double n = hashOrNaN(seed, value, version);
        return Double.isNaN(n) ? null : n;
    }

    /** {@link #hash} without boxing, for the assignment hot path; {@code NaN} for an unknown version. */
    static double hashOrNaN(String seed, String value, int version) {
        if (version == 2) {
            // The inner hash of (seed + value), hashed again as its base-10 digits.
            long inner = Integer.toUnsignedLong(update(update(FNV_OFFSET_BASIS, seed), value));
            return Integer.toUnsignedLong(updateDecimal(FNV_OFFSET_BASIS, inner)) % 10_000 / 10_000.0;
        }
        if (version == 1) {
            long h = Integer.toUnsignedLong(update(update(FNV_OFFSET_BASIS, value), seed));
            return h % 1_000 / 1_000.0;
        }
        return Double.NaN;
    }

    // Hashing the two parts in sequence equals hashing their concatenation, without allocating it.
    private static int update(int h, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME; // int overflow is exactly "mod 2^32"
        }
        return h;
    }

    private static int updateDecimal(int h, long unsigned) {
        char[] digits = new char[10]; // 2^32 − 1 has 10 digits
        int pos = digits.length;
        do {
            digits[--pos] = (char) ('0' + unsigned % 10);
            unsigned /= 10;
        } while (unsigned > 0);
        for (int i = pos; i < digits.length; i++) {
            h ^= digits[i];
            h *= FNV_PRIME;
        }
        return h;
    }
}

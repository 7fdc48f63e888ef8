package dev.hearken.understanding.language;

/**
 * Open-addressing table from a 32-bit n-gram fingerprint to a quantised log-probability: 5 bytes per slot,
 * a fraction of what a map of strings to boxed floats costs.
 */
final class NgramTable {

    /** Quantisation step of {@code -ln(p)}: 1/8 nat, well below the differences that decide a language. */
    static final float STEP = 0.125f;

    /** Slots per entry: 0.8 load keeps linear probing short (about 3 probes for a miss). */
    private static final double LOAD = 0.8;

    private final int[] keys;
    private final byte[] values;
    private final int capacity;

    NgramTable(int[] keys, byte[] values) {
        this.keys = keys;
        this.values = values;
        this.capacity = keys.length;
    }

    static NgramTable build(int[] fingerprints, byte[] quantised, int count) {
        int capacity = Math.max(2, (int) Math.ceil(count / LOAD) + 1);
        int[] keys = new int[capacity];
        byte[] values = new byte[capacity];
        for (int i = 0; i < count; i++) {
            int slot = slot(fingerprints[i], capacity);
            while (keys[slot] != 0 && keys[slot] != fingerprints[i]) {
                slot = slot + 1 == capacity ? 0 : slot + 1;
            }
            keys[slot] = fingerprints[i];
            values[slot] = quantised[i];
        }
        return new NgramTable(keys, values);
    }

    /** {@code ln(p)} of the n-gram, or 0 when it is unknown. */
    float logProbability(int fingerprint) {
        int slot = slot(fingerprint, capacity);
        while (true) {
            int k = keys[slot];
            if (k == fingerprint) {
                return -(values[slot] & 0xFF) * STEP;
            }
            if (k == 0) {
                return 0f;
            }
            slot = slot + 1 == capacity ? 0 : slot + 1;
        }
    }

    private static int slot(int fingerprint, int capacity) {
        return (int) (((mix(fingerprint) & 0xFFFFFFFFL) * capacity) >>> 32);
    }

    int[] keysForWrite() {
        return keys;
    }

    byte[] valuesForWrite() {
        return values;
    }

    int capacity() {
        return keys.length;
    }

    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    /** FNV-1a over the chars, never 0 (0 marks an empty slot). */
    static int fingerprint(CharSequence s, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        h ^= h >>> 15;
        h *= 0x2c1b3c6d;
        h ^= h >>> 12;
        return h == 0 ? 1 : h;
    }

    static byte quantise(double lnP) {
        long q = Math.round(-lnP / STEP);
        return (byte) Math.max(1, Math.min(255, q));
    }
}

package dev.hearken.understanding.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A linear classifier over {@link Featurizer} features, in a compact form read without any ML library:
 * sorted feature ids, one int8-quantised weight row per feature (with its own scale) and a bias per label.
 * {@link Kind#SOFTMAX} gives one distribution over the labels; {@link Kind#SIGMOID} scores each label on its own
 * (multi-label topics).
 */
public final class LinearModel {

    /** How scores become probabilities. */
    public enum Kind { SOFTMAX, SIGMOID }

    private final String name;
    private final Kind kind;
    private final String[] labels;
    private final int[] featureIds;
    private final byte[] weights; // featureIds.length x labels.length
    private final float[] scales;
    private final float[] bias;
    /** Open-addressing index from feature id to row: one probe instead of a binary search per feature. */
    private final int[] indexKeys;
    private final int[] indexRows;

    public LinearModel(String name, Kind kind, List<String> labels, int[] featureIds, float[][] rows, float[] bias) {
        this.name = name;
        this.kind = kind;
        this.labels = labels.toArray(String[]::new);
        int l = this.labels.length;
        Integer[] order = new Integer[featureIds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(featureIds[a], featureIds[b]));
        this.featureIds = new int[featureIds.length];
        this.weights = new byte[featureIds.length * l];
        this.scales = new float[featureIds.length];
        for (int i = 0; i < order.length; i++) {
            float[] row = rows[order[i]];
            this.featureIds[i] = featureIds[order[i]];
            float max = 0;
            for (float w : row) {
                max = Math.max(max, Math.abs(w));
            }
            float scale = max == 0 ? 0 : max / 127f;
            scales[i] = scale;
            for (int j = 0; j < l; j++) {
                weights[i * l + j] = (byte) (scale == 0 ? 0 : Math.round(row[j] / scale));
            }
        }
        this.bias = bias.clone();
        int[][] index = index(this.featureIds);
        this.indexKeys = index[0];
        this.indexRows = index[1];
    }

    private LinearModel(String name, Kind kind, String[] labels, int[] ids, byte[] weights, float[] scales, float[] bias) {
        this.name = name;
        this.kind = kind;
        this.labels = labels;
        this.featureIds = ids;
        this.weights = weights;
        this.scales = scales;
        this.bias = bias;
        int[][] index = index(ids);
        this.indexKeys = index[0];
        this.indexRows = index[1];
    }

    private static int[][] index(int[] ids) {
        int capacity = Integer.highestOneBit(Math.max(2, ids.length * 2 - 1)) << 1;
        int[] keys = new int[capacity];
        int[] rows = new int[capacity];
        java.util.Arrays.fill(rows, -1);
        for (int i = 0; i < ids.length; i++) {
            int slot = mix(ids[i]) & (capacity - 1);
            while (rows[slot] >= 0) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = ids[i];
            rows[slot] = i;
        }
        return new int[][] {keys, rows};
    }

    private int row(int id) {
        int mask = indexKeys.length - 1;
        int slot = mix(id) & mask;
        while (true) {
            int r = indexRows[slot];
            if (r < 0) {
                return -1;
            }
            if (indexKeys[slot] == id) {
                return r;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return h;
    }

    /** Probabilities per label, aligned with {@link #labels()}. */
    public double[] predict(Featurizer.Features x) {
        int l = labels.length;
        double[] scores = new double[l];
        for (int j = 0; j < l; j++) {
            scores[j] = bias[j];
        }
        int[] ids = x.ids();
        float[] values = x.values();
        for (int k = 0; k < ids.length; k++) {
            int row = row(ids[k]);
            if (row >= 0) {
                double f = values[k] * scales[row];
                int base = row * l;
                for (int j = 0; j < l; j++) {
                    scores[j] += f * weights[base + j];
                }
            }
        }
        if (kind == Kind.SIGMOID) {
            for (int j = 0; j < l; j++) {
                scores[j] = 1.0 / (1.0 + Math.exp(-scores[j]));
            }
            return scores;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int j = 0; j < l; j++) {
            scores[j] = Math.exp(scores[j] - max);
            sum += scores[j];
        }
        for (int j = 0; j < l; j++) {
            scores[j] /= sum;
        }
        return scores;
    }

    /**
     * The same model with one label's bias moved by {@code delta}: used to place a tuned decision threshold at
     * probability 0.5, so that callers can always compare with 0.5.
     */
    public LinearModel withBiasShift(int label, float delta) {
        float[] b = bias.clone();
        b[label] += delta;
        return new LinearModel(name, kind, labels, featureIds, weights, scales, b);
    }

    /** Index of the most probable label. */
    public static int argmax(double[] p) {
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return best;
    }

    public List<String> labels() {
        return List.of(labels);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public int features() {
        return featureIds.length;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(name);
        out.writeByte(kind.ordinal());
        out.writeInt(labels.length);
        for (String s : labels) {
            out.writeUTF(s);
        }
        out.writeInt(featureIds.length);
        for (int id : featureIds) {
            out.writeInt(id);
        }
        for (float s : scales) {
            out.writeFloat(s);
        }
        out.write(weights);
        for (float b : bias) {
            out.writeFloat(b);
        }
    }

    static LinearModel read(DataInputStream in) throws IOException {
        String name = in.readUTF();
        Kind kind = Kind.values()[in.readByte()];
        String[] labels = new String[in.readInt()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = in.readUTF();
        }
        int f = in.readInt();
        int[] ids = new int[f];
        for (int i = 0; i < f; i++) {
            ids[i] = in.readInt();
        }
        float[] scales = new float[f];
        for (int i = 0; i < f; i++) {
            scales[i] = in.readFloat();
        }
        byte[] weights = new byte[f * labels.length];
        in.readFully(weights);
        float[] bias = new float[labels.length];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = in.readFloat();
        }
        return new LinearModel(name, kind, labels, ids, weights, scales, bias);
    }
}

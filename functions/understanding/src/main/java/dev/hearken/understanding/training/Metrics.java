package dev.hearken.understanding.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores predictions against gold labels. Single-label: accuracy, per-label precision/recall/F1, macro-F1
 * (mean over labels that occur in gold or predictions), confusion {@code gold → predicted → count}.
 * Multi-label: each label is scored as its own yes/no decision; accuracy is the exact-set match rate and the
 * confusion holds per-label {@code tp/fp/fn}.
 */
public final class Metrics {

    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    private final Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn
    private int rows;
    private int correct;
    private boolean multiLabel;

    public void add(String gold, String predicted) {
        rows++;
        if (gold.equals(predicted)) {
            correct++;
        }
        confusion.computeIfAbsent(gold, k -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
        if (gold.equals(predicted)) {
            count(gold)[0]++;
        } else {
            count(predicted)[1]++;
            count(gold)[2]++;
        }
    }

    public void addMulti(Set<String> gold, Set<String> predicted) {
        multiLabel = true;
        rows++;
        if (gold.equals(predicted)) {
            correct++;
        }
        Set<String> all = new TreeSet<>(gold);
        all.addAll(predicted);
        for (String l : all) {
            int[] c = count(l);
            boolean g = gold.contains(l);
            boolean p = predicted.contains(l);
            if (g && p) {
                c[0]++;
            } else if (p) {
                c[1]++;
            } else {
                c[2]++;
            }
        }
    }

    private int[] count(String label) {
        return counts.computeIfAbsent(label, k -> new int[3]);
    }

    public int rows() {
        return rows;
    }

    public double accuracy() {
        return rows == 0 ? 0 : (double) correct / rows;
    }

    public double f1(String label) {
        int[] c = counts.getOrDefault(label, new int[3]);
        double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        if (counts.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String l : counts.keySet()) {
            sum += f1(l);
        }
        return sum / counts.size();
    }

    /** The report as an ordered map ready to be written as JSON. */
    public Map<String, Object> report(double textsPerSecond, double peakHeapMb) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("accuracy", round(accuracy()));
        out.put("macroF1", round(macroF1()));
        Map<String, Object> perLabel = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("precision", round(c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1])));
            m.put("recall", round(c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2])));
            m.put("f1", round(f1(e.getKey())));
            m.put("support", c[0] + c[2]);
            perLabel.put(e.getKey(), m);
        }
        out.put("perLabel", perLabel);
        if (multiLabel) {
            Map<String, Object> conf = new LinkedHashMap<>();
            counts.forEach((k, c) -> conf.put(k, Map.of("tp", c[0], "fp", c[1], "fn", c[2])));
            out.put("confusion", conf);
        } else {
            out.put("confusion", confusion);
        }
        out.put("textsPerSecond", Math.round(textsPerSecond));
        out.put("peakHeapMb", Math.round(peakHeapMb * 10) / 10.0);
        return out;
    }

    public List<String> labels() {
        return new ArrayList<>(counts.keySet());
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}

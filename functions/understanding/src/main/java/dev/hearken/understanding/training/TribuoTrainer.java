package dev.hearken.understanding.training;

import dev.hearken.understanding.model.Featurizer;
import dev.hearken.understanding.model.LinearModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains multinomial logistic regression with Tribuo (SGD + AdaGrad) on {@link Featurizer} features and exports
 * the weights to a {@link LinearModel}, so the runtime needs neither Tribuo nor Java serialisation.
 */
public final class TribuoTrainer {

    /** Training settings; 3–30 epochs and learning rates 0.1–2 changed dev scores by under a point (README). */
    public record Settings(int epochs, double learningRate, long seed) {
        public static Settings defaults() {
            return new Settings(12, 0.5, 42L);
        }
    }

    static {
        // Tribuo logs every epoch at INFO; the training command reports its own progress.
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    private TribuoTrainer() {
    }

    public static LinearModel softmax(String name, List<Featurizer.Features> xs, List<String> ys, Settings settings) {
        return softmax(name, xs, ys, settings, null);
    }

    /**
     * Like {@link #softmax(String, List, List, Settings)} after scaling every feature by {@code featureScale}
     * (e.g. inverse document frequencies); the scale is folded into the exported weights, so the runtime model
     * reads unscaled features.
     */
    public static LinearModel softmax(String name, List<Featurizer.Features> xs, List<String> ys, Settings settings,
                                      java.util.Map<Integer, Float> featureScale) {
        List<Featurizer.Features> input = featureScale == null ? xs : xs.stream().map(x -> scale(x, featureScale)).toList();
        LinearSGDModel model = fit(input, ys, settings);
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            labels.add(outputs.getOutput(i).getLabel());
        }
        DenseMatrix w = model.getWeightsCopy();
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        int nf = fmap.size();
        int[] ids = new int[nf];
        float[][] rows = new float[nf][labels.size()];
        for (VariableInfo info : fmap) {
            int f = ((VariableIDInfo) info).getID();
            ids[f] = Integer.parseInt(info.getName());
            float k = featureScale == null ? 1f : featureScale.getOrDefault(ids[f], 0f);
            for (int l = 0; l < labels.size(); l++) {
                rows[f][l] = (float) w.get(l, f) * k;
            }
        }
        float[] bias = new float[labels.size()];
        for (int l = 0; l < labels.size(); l++) {
            bias[l] = (float) w.get(l, w.getDimension2Size() - 1);
        }
        return new LinearModel(name, LinearModel.Kind.SOFTMAX, labels, ids, rows, bias);
    }

    /** One yes/no model per label, packed as the columns of one {@link LinearModel.Kind#SIGMOID} model. */
    public static LinearModel multiLabel(String name, List<Featurizer.Features> xs, List<Set<String>> ys,
                                         List<String> labels, Settings settings) {
        java.util.Map<Integer, float[]> rows = new java.util.HashMap<>();
        float[] bias = new float[labels.size()];
        for (int l = 0; l < labels.size(); l++) {
            String label = labels.get(l);
            List<String> yes = ys.stream().map(s -> s.contains(label) ? "yes" : "no").toList();
            LinearModel binary = softmax(name + "-" + label, xs, yes, settings);
            // P(yes) = sigmoid((w_yes - w_no)·x + (b_yes - b_no)) for a two-class softmax.
            int yesIdx = binary.labels().indexOf("yes");
            int noIdx = binary.labels().indexOf("no");
            LinearSGDModel raw = fit(xs, yes, settings);
            DenseMatrix w = raw.getWeightsCopy();
            ImmutableOutputInfo<Label> outputs = raw.getOutputIDInfo();
            int y = outputs.getID(new Label("yes"));
            int n = outputs.getID(new Label("no"));
            for (VariableInfo info : raw.getFeatureIDMap()) {
                int f = ((VariableIDInfo) info).getID();
                int id = Integer.parseInt(info.getName());
                rows.computeIfAbsent(id, k -> new float[labels.size()])[l] = (float) (w.get(y, f) - w.get(n, f));
            }
            int b = w.getDimension2Size() - 1;
            bias[l] = (float) (w.get(y, b) - w.get(n, b));
            if (yesIdx < 0 || noIdx < 0) {
                throw new IllegalStateException("label " + label + " needs both positive and negative examples");
            }
        }
        int[] ids = new int[rows.size()];
        float[][] weights = new float[rows.size()][];
        int i = 0;
        for (var e : rows.entrySet()) {
            ids[i] = e.getKey();
            weights[i++] = e.getValue();
        }
        return new LinearModel(name, LinearModel.Kind.SIGMOID, labels, ids, weights, bias);
    }

    static Featurizer.Features scale(Featurizer.Features x, java.util.Map<Integer, Float> featureScale) {
        float[] v = new float[x.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = x.values()[k] * featureScale.getOrDefault(x.ids()[k], 0f);
        }
        return new Featurizer.Features(x.ids(), v);
    }

    private static LinearSGDModel fit(List<Featurizer.Features> xs, List<String> ys, Settings settings) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("hearken", factory), factory);
        for (int i = 0; i < xs.size(); i++) {
            Featurizer.Features x = xs.get(i);
            String[] names = new String[x.size()];
            double[] values = new double[x.size()];
            for (int k = 0; k < x.size(); k++) {
                names[k] = Integer.toString(x.ids()[k]);
                values[k] = x.values()[k];
            }
            data.add(new ArrayExample<>(new Label(ys.get(i)), names, values));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(settings.learningRate(), 0.1),
                settings.epochs(), Integer.MAX_VALUE, 1, settings.seed());
        return trainer.train(data);
    }
}

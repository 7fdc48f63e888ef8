package dev.hearken.understanding.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hearken.understanding.Analysis;
import dev.hearken.understanding.Input;
import dev.hearken.understanding.Topic;
import dev.hearken.understanding.Understanding;
import dev.hearken.understanding.language.LanguageDetector;
import dev.hearken.understanding.language.NgramLanguageDetector;
import dev.hearken.understanding.model.Featurizer;
import dev.hearken.understanding.model.LinearModel;
import dev.hearken.understanding.model.ModelBundle;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The evaluation command ({@code make eval TEST=<file> [TRAIN=<file>] [TASK=language|spam|intent|topics]}).
 *
 * <p>Without {@code TRAIN} it scores the shipped pipeline; with it, it trains the pipeline's model for the task on
 * that file (same features, trainer and threshold tuning as {@code make train}) and scores TEST. Predictions run
 * on the calling thread one text at a time, through {@link Understanding#analyze} where the shipped pipeline is
 * scored, so {@code textsPerSecond} includes clean-up, language detection and rules. The last line printed is one
 * JSON object.
 *
 * <p>Usage: {@code Evaluate --test <file> [--train <file>] [--task <task>] [--seeds <file>]}.
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) throws JsonProcessingException {
        try {
            run(args);
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            // Teams run this on their own files: a bad path, bad JSON line or unknown TASK gets one clear line.
            System.err.println("eval: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws JsonProcessingException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!opts.containsKey("test") || opts.get("test").isBlank()) {
            System.err.println("usage: make eval TEST=<file> [TRAIN=<file>] [TASK=language|spam|intent|topics]");
            System.exit(2);
        }
        Heap.resetPeak();
        List<Example> test = Jsonl.read(Path.of(opts.get("test")));
        String task = opts.getOrDefault("task", "");
        if (task.isBlank()) {
            task = guessTask(test);
        }
        String trainFile = opts.getOrDefault("train", "");
        List<Example> train = trainFile.isBlank() ? null : Jsonl.read(Path.of(trainFile));
        Path seeds = Path.of(opts.getOrDefault("seeds", "functions/understanding/training-data"));
        System.err.printf("task %s, %d test rows%s%n", task, test.size(), train == null ? ", shipped model" : ", training on " + train.size() + " rows");

        Function<Example, Object> predict = predictor(task, train, seeds, test);
        Metrics metrics = new Metrics();
        // One untimed pass first (bounded), so that the rate reflects a warm worker, not class loading and JIT.
        for (int i = 0; i < Math.min(3_000, test.size()); i++) {
            predict.apply(test.get(i));
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (Example e : test) {
            Object p = predict.apply(e);
            if (p instanceof Set<?> set) {
                Set<String> pred = new TreeSet<>();
                set.forEach(o -> pred.add(o.toString()));
                metrics.addMulti(new TreeSet<>(e.labels()), pred);
            } else {
                metrics.add(e.label() == null ? "" : e.label(), p.toString());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("task", task);
        report.put("model", train == null ? "shipped" : "trained:" + Path.of(trainFile).getFileName());
        report.putAll(metrics.report(test.size() / Math.max(seconds, 1e-9), Heap.peakMb()));
        // On a shared machine wall-clock time includes waiting for a core; CPU time of the scoring thread does not.
        report.put("textsPerCpuSecond", Math.round(test.size() / Math.max(cpuSeconds, 1e-9)));
        if (task.equals("language")) {
            LanguageDetector d = languageDetector();
            long outside = test.stream().filter(e -> !d.languages().contains(e.label())).count();
            report.put("rowsOutsideDetectorLanguages", outside);
            report.put("accuracyOnDetectorLanguages", Metrics.round(languageAccuracyOnSupported(test, d)));
        }
        System.out.println(Jsonl.mapper().writeValueAsString(report));
    }

    private static LanguageDetector detector;

    private static synchronized LanguageDetector languageDetector() {
        if (detector == null) {
            detector = NgramLanguageDetector.load();
        }
        return detector;
    }

    private static double languageAccuracyOnSupported(List<Example> test, LanguageDetector d) {
        int n = 0;
        int ok = 0;
        for (Example e : test) {
            if (d.languages().contains(e.label())) {
                n++;
                if (d.detect(e.text(), null).code().equals(e.label())) {
                    ok++;
                }
            }
        }
        return n == 0 ? 0 : (double) ok / n;
    }

    static String guessTask(List<Example> rows) {
        Set<String> labels = new HashSet<>();
        boolean multi = false;
        boolean langLabels = true;
        for (Example e : rows) {
            labels.add(e.label());
            multi |= e.labels().size() > 1 || e.labels().size() == 1 && !e.labels().get(0).equals(e.label());
            langLabels &= e.label() != null && e.label().equals(e.lang()) && e.label().length() <= 3;
        }
        if (labels.equals(Set.of("ham", "spam")) || labels.equals(Set.of("spam")) || labels.equals(Set.of("ham"))) {
            return "spam";
        }
        if (multi) {
            return "topics";
        }
        return langLabels && labels.size() > 1 ? "language" : "intent";
    }

    private static Function<Example, Object> predictor(String task, List<Example> train, Path seedsFile, List<Example> test) {
        TribuoTrainer.Settings settings = TribuoTrainer.Settings.defaults();
        List<Tasks.Seed> seeds = Tasks.seeds(seedsFile);
        switch (task) {
            case "language" -> {
                if (train != null) {
                    System.err.println("note: the language detector is not trained from examples; TRAIN is ignored");
                }
                LanguageDetector d = languageDetector();
                return e -> d.detect(e.text(), null).code();
            }
            case "spam" -> {
                Understanding u = Understanding.load();
                if (train != null) {
                    u = u.withModels(new ModelBundle("eval-trained", Map.of("spam", Tasks.spam(train, seeds, settings))));
                }
                Understanding pipeline = u;
                return e -> pipeline.analyze(input(e)).spam() ? "spam" : "ham";
            }
            case "intent" -> {
                if (train != null) {
                    LinearModel m = Tasks.intentDetail(train, settings);
                    return e -> m.labels().get(LinearModel.argmax(m.predict(Featurizer.of(e.text()))));
                }
                Understanding u = Understanding.load();
                ModelBundle bundle = ModelBundle.load();
                Set<String> detailLabels = new HashSet<>(bundle.model("intent-detail").map(LinearModel::labels).orElse(List.of()));
                long known = test.stream().filter(e -> detailLabels.contains(e.label())).count();
                boolean detail = known * 2 > test.size();
                System.err.println("scoring " + (detail ? "the fine-grained intent (intentDetail)" : "the product intent"));
                return e -> {
                    Analysis a = u.analyze(input(e));
                    return detail ? String.valueOf(a.intentDetail()) : a.intent().label();
                };
            }
            case "topics" -> {
                if (train != null) {
                    LinearModel m = Tasks.topics(train, settings);
                    return e -> {
                        double[] p = m.predict(Featurizer.of(e.text(), e.rating()));
                        Set<String> out = new TreeSet<>();
                        for (int j = 0; j < p.length; j++) {
                            if (p[j] >= 0.5) {
                                out.add(m.labels().get(j));
                            }
                        }
                        if (out.isEmpty()) {
                            out.add(m.labels().get(LinearModel.argmax(p)));
                        }
                        return out;
                    };
                }
                Understanding u = Understanding.load();
                return e -> {
                    Set<String> out = new TreeSet<>();
                    for (Topic t : u.analyze(input(e)).topics().keySet()) {
                        out.add(t.name());
                    }
                    return out;
                };
            }
            default -> throw new IllegalArgumentException("unknown TASK " + task + " (language|spam|intent|topics)");
        }
    }

    private static Input input(Example e) {
        return new Input(e.text(), null, e.rating(), null, null, e.rating() != null
                ? dev.hearken.understanding.Channel.REVIEW : dev.hearken.understanding.Channel.OTHER);
    }
}

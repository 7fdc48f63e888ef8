package dev.hearken.understanding.training;

import dev.hearken.understanding.model.LinearModel;
import dev.hearken.understanding.model.ModelBundle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training command ({@code make train}): trains every shipped text model from the train splits in
 * {@code shared/data} plus the project-written seeds, and writes the versioned bundle resource.
 *
 * <p>Usage: {@code Train <data dir> <seeds.tsv> <output .bin.gz> <version>}. Deterministic: fixed seeds,
 * single-threaded.
 */
public final class Train {

    private Train() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path seedsFile = Path.of(args[1]);
        Path out = Path.of(args[2]);
        String version = args.length > 3 ? args[3] : "dev";
        long t0 = System.nanoTime();
        TribuoTrainer.Settings settings = TribuoTrainer.Settings.defaults();
        List<Tasks.Seed> seeds = Tasks.seeds(seedsFile);
        List<Example> sms = Jsonl.read(data.resolve("sms-spam-collection/train.jsonl"));
        List<Example> banking = Jsonl.read(data.resolve("banking77/train.jsonl"));
        List<Example> reviews = Jsonl.read(data.resolve("urr-app-reviews/train.jsonl"));

        Map<String, LinearModel> models = new LinkedHashMap<>();
        models.put("spam", Tasks.spam(sms, seeds, settings));
        models.put("intent-detail", Tasks.intentDetail(banking, settings));
        models.put("intent", Tasks.intent(banking, reviews, seeds, settings));
        models.put("topics", Tasks.topics(reviews, settings));

        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(out)) {
            new ModelBundle(version, models).write(os);
        }
        System.err.printf("wrote %s (%d KiB, version %s) in %.0f s%n", out, Files.size(out) / 1024, version,
                (System.nanoTime() - t0) / 1e9);
        models.values().forEach(m -> System.err.printf("  %-14s %3d labels %7d features%n", m.name(), m.labels().size(), m.features()));
    }
}

package dev.hearken.understanding.training;

import dev.hearken.understanding.language.LanguageDetector;
import dev.hearken.understanding.language.SupportedLanguages;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares language-detection candidates on the lingua-langid dev splits: accuracy on the rows whose language
 * the candidate supports, texts/s on the calling thread, retained heap. Run it pinned to one core
 * ({@code taskset -c 0}) for the single-core figure.
 *
 * <p>Usage: {@code LanguageBench <candidate> <dev.jsonl>...} with candidate {@code lingua-high}, {@code lingua-low},
 * {@code lingua-high-all}, {@code lingua-low-all}.
 */
public final class LanguageBench {

    private LanguageBench() {
    }

    public static void main(String[] args) {
        String candidate = args[0];
        double before = Heap.retainedMb();
        long t0 = System.nanoTime();
        LanguageDetector detector = create(candidate);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        double retained = Heap.retainedMb() - before;
        System.out.printf("%s: load %.1f s, retained heap %.0f MB%n", detector.name(), loadSeconds, retained);
        for (int i = 1; i < args.length; i++) {
            List<Example> rows = Jsonl.read(Path.of(args[i])).stream()
                    .filter(e -> detector.languages().contains(e.label())).toList();
            // warm-up pass, then the timed pass
            for (Example e : rows) {
                detector.detect(e.text(), null);
            }
            int ok = 0;
            long start = System.nanoTime();
            for (Example e : rows) {
                String got = detector.detect(e.text(), null).code();
                if (got.equals(e.label())) {
                    ok++;
                } else if (Boolean.getBoolean("hk.verbose")) {
                    System.out.println("    " + e.label() + " -> " + got + "  " + e.text());
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("  %-60s rows %4d accuracy %.4f texts/s %.0f%n", args[i], rows.size(),
                    (double) ok / rows.size(), rows.size() / secs);
        }
    }

    static LanguageDetector create(String candidate) {
        List<String> all = java.util.Arrays.stream(com.github.pemistahl.lingua.api.IsoCode639_1.values())
                .map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                .filter(c -> !c.equals("none")).toList();
        return switch (candidate) {
            case "hearken-ngram" -> dev.hearken.understanding.language.NgramLanguageDetector.load();
            case "lingua-high" -> new LinguaLanguageDetector(SupportedLanguages.REQUIRED, false, true);
            case "lingua-low" -> new LinguaLanguageDetector(SupportedLanguages.REQUIRED, true, true);
            case "lingua-high-all" -> new LinguaLanguageDetector(all, false, true);
            case "lingua-low-all" -> new LinguaLanguageDetector(all, true, true);
            default -> throw new IllegalArgumentException("unknown candidate " + candidate);
        };
    }
}

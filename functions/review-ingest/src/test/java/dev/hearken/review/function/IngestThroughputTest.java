package dev.hearken.review.function;

import static dev.hearken.review.function.ReviewTables.failures;
import static dev.hearken.review.function.ReviewTables.invoke;
import static dev.hearken.review.function.ReviewTables.sqsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a check (run with {@code -Dreview.bench=true}): reviews per second one worker instance normalises,
 * analyses and stores — SQS batches of 10 through Funqy, DynamoDB in the emulator, the real models. Distinct
 * reviewers and texts, so every review is a new version with its impact counts and reply decision.
 */
@Tag("benchmark")
@QuarkusTest
@EnabledIfSystemProperty(named = "review.bench", matches = "true")
class IngestThroughputTest {

    private static final String[] TEXTS = {
        "Crash\tThe app crashes on startup since the 5.2.0 update, reinstalling does not help.",
        "Love it\tBeautiful app, I use it every day for my photo journal.",
        "Subscription\tI cannot find how to cancel my subscription, please help.",
        "Slow\tLoading photos takes forever on mobile data and the battery drains fast.",
        "Feature\tPlease add PDF export and a home screen widget.",
    };

    @Test
    void reviews_per_second_of_one_worker_instance() {
        int warmup = Integer.getInteger("review.bench.warmup", 100);
        int n = Integer.getInteger("review.bench.reviews", 1000);
        run("warm", warmup);
        long start = System.nanoTime();
        run("bench", n);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH ingest: %d reviews in %.2f s = %.1f reviews/s (batches of 10, one instance)%n",
                n, seconds, n / seconds);
    }

    private static void run(String prefix, int n) {
        for (int b = 0; b < n / 10; b++) {
            String[] bodies = new String[10];
            for (int i = 0; i < 10; i++) {
                int k = b * 10 + i;
                String text = TEXTS[k % TEXTS.length] + " #" + k;
                bodies[i] = IngestFunctionTest.message("googleplay", "com.example.bench-" + prefix,
                        IngestFunctionTest.review("gp:" + prefix + "-" + k, 1 + k % 5, text, "5." + (k % 3) + ".0", 1772438311L + k)
                                .replace("\"Tester\"", "\"Reviewer " + k + "\""));
            }
            assertThat(failures(invoke(sqsEvent(prefix + "-" + b, bodies)))).isEmpty();
        }
    }
}

package dev.hearken.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Exercises the {@code -Dgrowthbook.generated} code path in every build, on the three example
 * lines from the conformance README (expectations produced by GrowthBook's JS SDK, and re-derived
 * by hand from the spec when the fixture was written).
 */
class GeneratedCasesSampleTest {

    private static final String SAMPLE = "/growthbook/generated-sample.jsonl";
    private static final AtomicInteger CHECKED = new AtomicInteger();

    @AfterAll
    static void report() {
        System.out.printf("GrowthBook generated cases: %d lines checked from %s%n", CHECKED.get(), SAMPLE);
        assertThat(CHECKED.get()).as("sample lines checked").isEqualTo(3);
    }

    @TestFactory
    Stream<DynamicTest> theReadmeSampleLinesAssignAsGrowthBookDid() throws IOException {
        return GeneratedCases.from("generated-sample.jsonl", sampleLines(), CHECKED);
    }

    private static List<String> sampleLines() throws IOException {
        try (InputStream in = GeneratedCasesSampleTest.class.getResourceAsStream(SAMPLE)) {
            assertThat(in).as(SAMPLE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}

package dev.hearken.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Runs GrowthBook's language-agnostic SDK suite ({@code cases.json}, MIT, vendored unmodified in
 * {@code src/test/resources/growthbook/} with its licence notice) against this package, one dynamic
 * test per case.
 *
 * <p>{@code -Dgrowthbook.cases=<path>} checks a newer {@code cases.json} instead. With
 * {@code -Dgrowthbook.generated=<file.jsonl>} the freshly generated cases in that file are checked
 * too (format: one JSON object per line, as in src/test/resources/growthbook/generated-sample.jsonl).
 */
class GrowthBookConformanceTest {

    /** Sections this package does not implement, each with the reason it is out of scope. */
    private static final Map<String, String> SKIPPED = orderedMap(
            "feature", "feature-flag rule evaluation is not part of experiment assignment",
            "stickyBucket", "sticky bucketing is not implemented (no assignment-document store)",
            "urlRedirect", "browser-only: redirect URLs and deferred tracking calls",
            "decrypt", "transport concern: encrypted payloads are decrypted before definitions reach us",
            "contextualBandit", "contextual bandits are not supported");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, AtomicInteger> CHECKED = new ConcurrentHashMap<>();
    private static final AtomicInteger GENERATED = new AtomicInteger();

    private static final String VENDORED_CASES = "/growthbook/cases.json";

    private static String casesFile;
    private static Map<String, Object> cases;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadCases() throws IOException {
        String override = System.getProperty("growthbook.cases");
        if (override != null && !override.isBlank()) {
            casesFile = override;
            cases = JSON.readValue(Path.of(override).toFile(), LinkedHashMap.class);
        } else {
            casesFile = "classpath:" + VENDORED_CASES;
            try (InputStream in = GrowthBookConformanceTest.class.getResourceAsStream(VENDORED_CASES)) {
                assertThat(in).as("vendored %s", VENDORED_CASES).isNotNull();
                cases = JSON.readValue(in, LinkedHashMap.class);
            }
        }
    }

    @AfterAll
    static void report() {
        List<String> sections = sectionNames().stream().filter(CHECKED::containsKey).toList();
        int total = sections.stream().mapToInt(s -> CHECKED.get(s).get()).sum();
        System.out.printf("GrowthBook conformance: %d cases checked (%s) from %s, specVersion %s%n",
                total,
                sections.stream().map(s -> s + " " + CHECKED.get(s).get()).collect(Collectors.joining(", ")),
                casesFile, cases.get("specVersion"));
        SKIPPED.forEach((section, reason) -> System.out.printf(
                "GrowthBook conformance: skipped %s (%d cases): %s%n", section, section(section).size(), reason));
        String generated = System.getProperty("growthbook.generated");
        if (generated == null || generated.isBlank()) {
            System.out.println("GrowthBook generated cases: none (pass -Dgrowthbook.generated=<file.jsonl> to check some)");
        } else {
            System.out.printf("GrowthBook generated cases: %d lines checked from %s%n", GENERATED.get(), generated);
        }
    }

    @Test
    void everySectionOfTheFileIsEitherCheckedOrSkippedWithAReason() {
        Set<String> handled = new LinkedHashSet<>(List.of(
                "hash", "getBucketRange", "chooseVariation", "inNamespace", "getEqualWeights",
                "evalCondition", "getQueryStringOverride", "run"));
        handled.addAll(SKIPPED.keySet());

        assertThat(sectionNames()).containsExactlyInAnyOrderElementsOf(handled);
    }

    @TestFactory
    Stream<DynamicTest> hashMatchesGrowthBook() {
        return cases("hash", c -> "hash(" + quoted(c.get(0)) + ", " + quoted(c.get(1)) + ", v" + c.get(2) + ")", c -> {
            Double expected = c.get(3) == null ? null : ((Number) c.get(3)).doubleValue();

            assertThat(GrowthBookHash.hash((String) c.get(0), (String) c.get(1), ((Number) c.get(2)).intValue()))
                    .isEqualTo(expected);
        });
    }

    @TestFactory
    Stream<DynamicTest> bucketRangesMatchGrowthBook() {
        return cases("getBucketRange", c -> (String) c.get(0), c -> {
            List<?> args = (List<?>) c.get(1);
            Double coverage = args.get(1) == null ? null : ((Number) args.get(1)).doubleValue();

            List<Range> ranges = Buckets.getBucketRanges(((Number) args.get(0)).intValue(), coverage, doubles(args.get(2)));

            assertThat(floored(ranges)).isEqualTo(floored(ranges((List<?>) c.get(2))));
        });
    }

    @TestFactory
    Stream<DynamicTest> chooseVariationMatchesGrowthBook() {
        return cases("chooseVariation", c -> (String) c.get(0), c -> {
            int chosen = Buckets.chooseVariation(((Number) c.get(1)).doubleValue(), ranges((List<?>) c.get(2)));

            assertThat(chosen).isEqualTo(((Number) c.get(3)).intValue());
        });
    }

    @TestFactory
    Stream<DynamicTest> namespacesMatchGrowthBook() {
        return cases("inNamespace", c -> (String) c.get(0), c -> {
            List<?> ns = (List<?>) c.get(2);
            Namespace namespace = new Namespace(
                    (String) ns.get(0), ((Number) ns.get(1)).doubleValue(), ((Number) ns.get(2)).doubleValue());

            assertThat(Buckets.inNamespace((String) c.get(1), namespace)).isEqualTo(c.get(3));
        });
    }

    @TestFactory
    Stream<DynamicTest> equalWeightsMatchGrowthBook() {
        return cases("getEqualWeights", c -> "getEqualWeights(" + c.get(0) + ")", c -> {
            List<Double> weights = Buckets.getEqualWeights(((Number) c.get(0)).intValue());

            assertThat(floored(weights)).isEqualTo(floored(doubles(c.get(1))));
        });
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> conditionsEvaluateAsGrowthBook() {
        return cases("evalCondition", c -> (String) c.get(0), c -> {
            Map<String, List<Object>> savedGroups = c.size() > 4 ? (Map<String, List<Object>>) c.get(4) : null;

            boolean passed = ConditionEvaluator.evaluate(
                    (Map<String, Object>) c.get(2), (Map<String, Object>) c.get(1), savedGroups);

            assertThat(passed).isEqualTo(c.get(3));
        });
    }

    /** Checked although browser-flavoured: {@code run} honours query-string overrides, so this is that code. */
    @TestFactory
    Stream<DynamicTest> queryStringOverridesMatchGrowthBook() {
        return cases("getQueryStringOverride", c -> (String) c.get(0), c -> {
            Integer forced = ExperimentRunner.queryStringOverride(
                    (String) c.get(1), (String) c.get(2), ((Number) c.get(3)).intValue());

            assertThat(forced).isEqualTo(c.get(4));
        });
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> experimentsRunAsGrowthBook() {
        return cases("run", c -> (String) c.get(0), c -> {
            Map<String, Object> context = (Map<String, Object>) c.get(1);
            Experiment experiment = Experiment.fromMap((Map<String, Object>) c.get(2));

            AssignmentResult result = ExperimentRunner.run(
                    experiment, (Map<String, Object>) context.get("attributes"), runContext(context));

            assertThat(result.value()).as("value (%s)", result.reason()).isEqualTo(c.get(3));
            assertThat(result.inExperiment()).as("inExperiment (%s)", result.reason()).isEqualTo(c.get(4));
            assertThat(result.hashUsed()).as("hashUsed (%s)", result.reason()).isEqualTo(c.get(5));
        });
    }

    @TestFactory
    Stream<DynamicTest> freshlyGeneratedCasesMatchGrowthBook() throws IOException {
        String property = System.getProperty("growthbook.generated");
        assumeTrue(property != null && !property.isBlank(),
                "growthbook.generated is not set: no freshly generated cases to check");
        Path file = Path.of(property);
        if (!file.isAbsolute() && !Files.exists(file) && System.getProperty("hearken.root") != null) {
            file = Path.of(System.getProperty("hearken.root")).resolve(property); // relative to the repo root
        }
        return GeneratedCases.from(file.getFileName().toString(),
                Files.readAllLines(file, StandardCharsets.UTF_8), GENERATED);
    }

    // ---- context of a run case ----

    @SuppressWarnings("unchecked")
    private static RunContext runContext(Map<String, Object> context) {
        assertThat(context.keySet())
                .as("context keys this runner understands")
                .isSubsetOf("attributes", "enabled", "qaMode", "forcedVariations", "url", "savedGroups", "features");
        Map<String, Integer> forced = new LinkedHashMap<>();
        ((Map<String, Object>) context.getOrDefault("forcedVariations", Map.of()))
                .forEach((key, index) -> forced.put(key, ((Number) index).intValue()));
        Map<String, Object> features = (Map<String, Object>) context.getOrDefault("features", Map.of());
        return new RunContext(
                !Boolean.FALSE.equals(context.get("enabled")),
                Boolean.TRUE.equals(context.get("qaMode")),
                forced,
                (String) context.get("url"),
                (Map<String, List<Object>>) context.get("savedGroups"),
                (featureId, attributes) -> defaultValueOf(features, featureId));
    }

    /** Prerequisite features in the run cases have only a default value; anything more is not evaluated here. */
    @SuppressWarnings("unchecked")
    private static Object defaultValueOf(Map<String, Object> features, String featureId) {
        Map<String, Object> feature = (Map<String, Object>) features.get(featureId);
        if (feature == null) {
            return null;
        }
        assertThat((List<?>) feature.get("rules")).as("rules of prerequisite feature %s", featureId).isNullOrEmpty();
        return feature.get("defaultValue");
    }

    // ---- plumbing ----

    private static Stream<DynamicTest> cases(
            String section, Function<List<?>, String> name, ThrowingConsumer<List<?>> check) {
        CHECKED.putIfAbsent(section, new AtomicInteger());
        return section(section).stream().map(c -> DynamicTest.dynamicTest(section + ": " + name.apply(c), () -> {
            check.accept(c);
            CHECKED.get(section).incrementAndGet();
        }));
    }

    @SuppressWarnings("unchecked")
    private static List<List<?>> section(String name) {
        Object section = cases.get(name);
        assertThat(section).as("section %s in %s", name, casesFile).isInstanceOf(List.class);
        return (List<List<?>>) section;
    }

    private static List<String> sectionNames() {
        return cases.keySet().stream().filter(k -> !k.equals("specVersion")).toList();
    }

    private static List<Range> ranges(List<?> pairs) {
        List<Range> out = new ArrayList<>();
        for (Object pair : pairs) {
            List<?> p = (List<?>) pair;
            out.add(new Range(((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue()));
        }
        return out;
    }

    private static List<Double> doubles(Object list) {
        return list == null ? null : ((List<?>) list).stream().map(x -> ((Number) x).doubleValue()).toList();
    }

    /** Upstream floors both sides to 1e-8 before comparing range and weight lists. */
    private static List<Double> floored(List<?> values) {
        List<Double> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Range r) {
                out.add(floor8(r.start()));
                out.add(floor8(r.end()));
            } else {
                out.add(floor8((Double) v));
            }
        }
        return out;
    }

    private static double floor8(double x) {
        return Math.floor(x * 1e8) / 1e8;
    }

    private static String quoted(Object s) {
        return "\"" + s + "\"";
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

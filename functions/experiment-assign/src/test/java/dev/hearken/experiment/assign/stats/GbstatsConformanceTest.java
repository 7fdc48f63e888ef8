package dev.hearken.experiment.assign.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every vector of GrowthBook's stats engine snapshot ({@code vectors.json}, vendored in
 * {@code src/test/resources/gbstats/} with gbstats' MIT notice; {@code -Dgbstats.vectors=FILE} checks
 * another file instead): frequentist, Bayesian and SRM, each number within 1e-6 (absolute), including
 * the CUPED ({@code regression_adjusted}) vector.
 */
class GbstatsConformanceTest {

    private static final double TOLERANCE = 1e-6;

    private static JsonNode vectors;
    private static final String VENDORED_VECTORS = "/gbstats/vectors.json";

    private static String file;

    @BeforeAll
    static void load() throws IOException {
        String override = System.getProperty("gbstats.vectors");
        if (override != null && !override.isBlank()) {
            file = override;
            vectors = new ObjectMapper().readTree(Files.readString(Path.of(override)));
        } else {
            file = "classpath:" + VENDORED_VECTORS;
            try (InputStream in = GbstatsConformanceTest.class.getResourceAsStream(VENDORED_VECTORS)) {
                assertThat(in).as("vendored %s", VENDORED_VECTORS).isNotNull();
                vectors = new ObjectMapper().readTree(in);
            }
        }
    }

    @Test
    void every_frequentist_vector_matches_gbstats() {
        Checker check = new Checker();
        int skipped = 0;
        for (JsonNode v : vectors.path("frequentist")) {
            String name = v.path("name").asText();
            JsonNode config = v.path("config");
            FrequentistTest test = switch (v.path("test").asText()) {
                case "TwoSidedTTest" -> FrequentistTest.TWO_SIDED;
                case "OneSidedTreatmentGreaterTTest" -> FrequentistTest.ONE_SIDED_GREATER;
                case "OneSidedTreatmentLesserTTest" -> FrequentistTest.ONE_SIDED_LESSER;
                case "SequentialTwoSidedTTest" -> FrequentistTest.SEQUENTIAL_TWO_SIDED;
                default -> throw new IllegalArgumentException("unknown test " + v.path("test"));
            };
            FrequentistResult r = test.run(stat(v.path("stat_a")), stat(v.path("stat_b")), new FrequentistTest.Config(
                    DifferenceType.of(config.path("difference_type").asText("relative")),
                    config.path("alpha").asDouble(0.05),
                    config.path("sequential_tuning_parameter").asDouble(5000)));
            JsonNode want = v.path("result");
            check.number(name, "expected", r.expected(), want.path("expected"));
            check.number(name, "ci[0]", r.ciLower(), want.path("ci").get(0));
            check.number(name, "ci[1]", r.ciUpper(), want.path("ci").get(1));
            check.number(name, "uplift_mean", r.upliftMean(), want.path("uplift_mean"));
            check.number(name, "uplift_stddev", r.upliftStddev(), want.path("uplift_stddev"));
            check.number(name, "pValue", r.pValue(), want.path("pValue"));
            check.text(name, "errorMessage", r.errorMessage(), want.path("errorMessage"));
            check.vector();
        }
        check.report("frequentist", skipped);
    }

    @Test
    void every_bayesian_vector_matches_gbstats() {
        Checker check = new Checker();
        for (JsonNode v : vectors.path("bayesian")) {
            String name = v.path("name").asText();
            JsonNode config = v.path("config");
            JsonNode prior = config.path("prior_effect");
            BayesianResult r = BayesianTest.run(stat(v.path("stat_a")), stat(v.path("stat_b")), new BayesianTest.Config(
                    DifferenceType.of(config.path("difference_type").asText("relative")),
                    config.path("alpha").asDouble(0.05),
                    prior.isMissingNode() ? BayesianTest.Prior.FLAT : new BayesianTest.Prior(
                            prior.path("mean").asDouble(), prior.path("variance").asDouble(), prior.path("proper").asBoolean()),
                    config.path("inverse").asBoolean(false)));
            JsonNode want = v.path("result");
            check.number(name, "expected", r.expected(), want.path("expected"));
            check.number(name, "ci[0]", r.ciLower(), want.path("ci").get(0));
            check.number(name, "ci[1]", r.ciUpper(), want.path("ci").get(1));
            check.number(name, "uplift_mean", r.upliftMean(), want.path("uplift_mean"));
            check.number(name, "uplift_stddev", r.upliftStddev(), want.path("uplift_stddev"));
            check.number(name, "chanceToWin", r.chanceToWin(), want.path("chanceToWin"));
            check.number(name, "risk[0]", r.riskControl(), want.path("risk").get(0));
            check.number(name, "risk[1]", r.riskTreatment(), want.path("risk").get(1));
            check.text(name, "riskType", r.riskType(), want.path("riskType"));
            check.text(name, "errorMessage", r.errorMessage(), want.path("errorMessage"));
            check.vector();
        }
        check.report("bayesian", 0);
    }

    @Test
    void every_srm_vector_matches_gbstats() {
        Checker check = new Checker();
        for (JsonNode v : vectors.path("srm")) {
            List<Long> users = new ArrayList<>();
            v.path("users").forEach(u -> users.add(u.asLong()));
            List<Double> weights = new ArrayList<>();
            v.path("weights").forEach(w -> weights.add(w.asDouble()));
            String name = "srm" + users;
            double p = SampleRatioMismatch.pValue(users, weights);
            check.number(name, "p_value", p, v.path("p_value"));
            boolean flagged = p < SampleRatioMismatch.DEFAULT_THRESHOLD;
            check.text(name, "srm_at_0.001", Boolean.toString(flagged), v.path("srm_at_0.001"));
            check.vector();
        }
        check.report("srm", 0);
    }

    private static SampleStatistic stat(JsonNode s) {
        return switch (s.path("type").asText()) {
            case "proportion" -> new SampleStatistic.Proportion(s.path("n").asLong(), s.path("sum").asDouble());
            case "sample_mean" -> new SampleStatistic.SampleMean(
                    s.path("n").asLong(), s.path("sum").asDouble(), s.path("sum_squares").asDouble());
            case "regression_adjusted" -> new SampleStatistic.RegressionAdjusted(s.path("n").asLong(),
                    stat(s.path("post")), stat(s.path("pre")), s.path("post_pre_sum_of_products").asDouble(), null);
            default -> throw new IllegalArgumentException("unsupported statistic " + s.path("type"));
        };
    }

    /** Collects every mismatch so one run shows them all, and counts what was checked. */
    private static final class Checker {
        private final List<String> failures = new ArrayList<>();
        private int vectors;
        private int numbers;
        private double maxError;

        void number(String vector, String field, double actual, JsonNode expected) {
            numbers++;
            double want = expected.isTextual() ? Double.parseDouble(expected.asText()) : expected.asDouble();
            if (Double.isInfinite(want) || Double.isInfinite(actual)) {
                if (want != actual) {
                    failures.add(vector + "." + field + ": " + actual + " != " + want);
                }
                return;
            }
            double error = Math.abs(actual - want);
            maxError = Math.max(maxError, error);
            if (!(error <= TOLERANCE)) {
                failures.add(vector + "." + field + ": " + actual + " != " + want + " (error " + error + ")");
            }
        }

        void text(String vector, String field, String actual, JsonNode expected) {
            String want = expected.isNull() || expected.isMissingNode() ? null : expected.asText();
            if (!java.util.Objects.equals(actual, want)) {
                failures.add(vector + "." + field + ": " + actual + " != " + want);
            }
        }

        void vector() {
            vectors++;
        }

        void report(String section, int skipped) {
            System.out.printf("gbstats %s: %d vectors checked (%d numbers, max abs error %.3g), %d skipped, %d mismatches; file %s%n",
                    section, vectors, numbers, maxError, skipped, failures.size(), file);
            assertThat(failures).as("mismatches against gbstats").isEmpty();
            assertThat(vectors).as("vectors checked").isPositive();
        }
    }
}

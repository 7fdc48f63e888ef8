package dev.hearken.experiment.assign.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hearken.experiment.assign.results.ExperimentResults;
import dev.hearken.experiment.assign.results.ResultsOptions;
import dev.hearken.experiment.assign.results.WinnerRule;
import dev.hearken.experiment.assign.stats.BayesianResult;
import dev.hearken.experiment.assign.stats.FrequentistResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to {@code GET /experiments/{key}/results}: traffic and the SRM check, per metric and
 * variation the counts, the frequentist and Bayesian effects against the control, each metric's
 * winner decision, the proposed winner and the settings the numbers were computed with.
 */
public record ResultsResponse(String experimentKey, String status, Integer forcedVariation, boolean trustworthy,
        Srm srm, List<Variation> variations, List<Metric> metrics, String goal, Decision proposedWinner,
        Map<String, Long> ignored, Settings settings) {

    public static ResultsResponse of(ExperimentResults r) {
        double alpha = r.options().alpha();
        return new ResultsResponse(r.experimentKey(), r.status(), r.forcedVariation(), r.trustworthy(),
                new Srm(r.srm().pValue(), lower(r.srm().status()), r.srm().threshold()),
                r.variations().stream().map(v -> new Variation(v.variationId(), v.variationKey(), v.weight(), v.users()))
                        .toList(),
                r.metrics().stream().map(m -> new Metric(m.metric().wireName(), lower(m.metric().kind()),
                        m.metric().inverse(), m.arms().stream().map(a -> Arm.of(a, alpha)).toList(),
                        Decision.of(m.winner(), r))).toList(),
                r.goal() == null ? null : r.goal().wireName(),
                r.proposal() == null ? null : Decision.of(r.proposal(), r),
                r.ignored(), Settings.of(r.options()));
    }

    /** The sample-ratio-mismatch check. */
    public record Srm(double pValue, String status, double threshold) {}

    /** Traffic of one variation. */
    public record Variation(int variationId, String variationKey, double weight, long users) {}

    /** One metric across variations. */
    public record Metric(String metric, String kind, boolean inverse, List<Arm> variations, Decision winner) {}

    /** One variation of one metric; the control has no effects, so those fields are left out for it. */
    public record Arm(int variationId, String variationKey, long users, long converted, long events, double sum,
            double mean, double variance,
            @JsonInclude(JsonInclude.Include.NON_NULL) Frequentist frequentist,
            @JsonInclude(JsonInclude.Include.NON_NULL) Bayesian bayesian,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Frequentist> uplift) {

        static Arm of(ExperimentResults.Arm a, double alpha) {
            boolean control = a.variationId() == 0;
            Map<String, Frequentist> uplift = null;
            if (!control) {
                uplift = new LinkedHashMap<>();
                for (var e : a.uplift().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                    uplift.put(e.getKey().wireName(), Frequentist.of(e.getValue(), alpha));
                }
            }
            return new Arm(a.variationId(), a.variationKey(), a.users(), a.converted(), a.events(), a.sum(), a.mean(),
                    a.variance(), control ? null : Frequentist.of(a.frequentist(), alpha),
                    control ? null : Bayesian.of(a.bayesian()), uplift);
        }
    }

    /** A frequentist effect; {@code ci} bounds are {@code null} where a one-sided interval is open. */
    public record Frequentist(double expected, List<Double> ci, double stddev, double pValue, boolean significant,
            String errorMessage) {

        static Frequentist of(FrequentistResult f, double alpha) {
            return f == null ? null : new Frequentist(f.expected(), interval(f.ciLower(), f.ciUpper()), f.upliftStddev(),
                    f.pValue(), f.significant(alpha), f.errorMessage());
        }
    }

    /** A Bayesian effect. */
    public record Bayesian(double expected, List<Double> ci, double stddev, double chanceToWin, List<Double> risk,
            String riskType, String errorMessage) {

        static Bayesian of(BayesianResult b) {
            return b == null ? null : new Bayesian(b.expected(), interval(b.ciLower(), b.ciUpper()), b.upliftStddev(),
                    b.chanceToWin(), List.of(b.riskControl(), b.riskTreatment()), b.riskType(), b.errorMessage());
        }
    }

    /** A winner decision: the variation proposed, or why none is. */
    public record Decision(boolean proposed, Integer variationId, String variationKey, String reason) {

        static Decision of(WinnerRule.Decision d, ExperimentResults r) {
            return new Decision(d.proposed(), d.variationId(),
                    d.variationId() == null ? null : r.variations().get(d.variationId()).variationKey(), d.reason());
        }
    }

    /**
     * The settings used.
     *
     * @param prior {@code "flat"} or a {@link Prior}
     */
    public record Settings(String test, String differenceType, double alpha, double sequentialTuning, Object prior,
            WinnerRuleView winnerRule) {

        static Settings of(ResultsOptions o) {
            WinnerRule w = o.winnerRule();
            return new Settings(o.test().wireName(), o.differenceType().wireName(), o.alpha(), o.sequentialTuning(),
                    o.prior().proper() ? new Prior(o.prior().mean(), o.prior().variance()) : "flat",
                    new WinnerRuleView(lower(w.mode()), w.chanceToWin(), w.alpha(), w.minUsersPerVariation(),
                            w.blockOnSrm()));
        }
    }

    /** A proper normal prior on the relative effect. */
    public record Prior(double mean, double variance) {}

    /** The winner rule. */
    public record WinnerRuleView(String mode, double chanceToWin, double alpha, long minUsersPerVariation,
            boolean blockOnSrm) {}

    /** JSON has no infinity: an open side of a one-sided interval is {@code null}. */
    private static List<Double> interval(double lo, double hi) {
        return Arrays.asList(Double.isInfinite(lo) ? null : lo, Double.isInfinite(hi) ? null : hi);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

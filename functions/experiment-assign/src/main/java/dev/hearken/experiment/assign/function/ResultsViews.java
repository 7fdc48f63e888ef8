package dev.hearken.experiment.assign.function;

import dev.hearken.experiment.assign.conversion.ConversionOutcome;
import dev.hearken.experiment.assign.results.ExperimentResults;
import dev.hearken.experiment.port.ProgramDay;
import dev.hearken.experiment.assign.results.ProgramOverview;
import dev.hearken.experiment.assign.results.RolloutService;
import dev.hearken.experiment.assign.results.WinnerRule;
import dev.hearken.experiment.assign.stats.BayesianResult;
import dev.hearken.experiment.assign.stats.FrequentistResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The JSON shapes of the results API (maps and lists, so the wire format is written down here, in one place). */
final class ResultsViews {

    /** Program counters push-send (#7) is to write; listed so dashboards can rely on their names. */
    static final List<String> PUSH_SEND_COUNTERS = List.of("sends", "deliveries", "capped", "deferred");

    private ResultsViews() {}

    static Map<String, Object> results(ExperimentResults r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experimentKey", r.experimentKey());
        out.put("status", r.status());
        out.put("forcedVariation", r.forcedVariation());
        out.put("trustworthy", r.trustworthy());
        Map<String, Object> srm = new LinkedHashMap<>();
        srm.put("pValue", r.srm().pValue());
        srm.put("status", r.srm().status().name().toLowerCase(Locale.ROOT));
        srm.put("threshold", r.srm().threshold());
        out.put("srm", srm);
        List<Object> variations = new ArrayList<>();
        for (ExperimentResults.Variation v : r.variations()) {
            variations.add(ordered("variationId", v.variationId(), "variationKey", v.variationKey(),
                    "weight", v.weight(), "users", v.users()));
        }
        out.put("variations", variations);
        List<Object> metrics = new ArrayList<>();
        for (ExperimentResults.Metric m : r.metrics()) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("metric", m.metric().wireName());
            metric.put("kind", m.metric().kind().name().toLowerCase(Locale.ROOT));
            metric.put("inverse", m.metric().inverse());
            List<Object> arms = new ArrayList<>();
            for (ExperimentResults.Arm a : m.arms()) {
                Map<String, Object> arm = ordered("variationId", a.variationId(), "variationKey", a.variationKey(),
                        "users", a.users(), "converted", a.converted(), "events", a.events(), "sum", a.sum(),
                        "mean", a.mean(), "variance", a.variance());
                if (a.variationId() > 0) {
                    arm.put("frequentist", frequentist(a.frequentist(), r.options().alpha()));
                    arm.put("bayesian", bayesian(a.bayesian()));
                    Map<String, Object> uplift = new LinkedHashMap<>();
                    a.uplift().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                            uplift.put(e.getKey().wireName(), frequentist(e.getValue(), r.options().alpha())));
                    arm.put("uplift", uplift);
                }
                arms.add(arm);
            }
            metric.put("variations", arms);
            metric.put("winner", decision(m.winner(), r));
            metrics.add(metric);
        }
        out.put("metrics", metrics);
        out.put("goal", r.goal() == null ? null : r.goal().wireName());
        out.put("proposedWinner", r.proposal() == null ? null : decision(r.proposal(), r));
        out.put("ignored", r.ignored());
        var o = r.options();
        out.put("settings", ordered("test", o.test().wireName(), "differenceType", o.differenceType().wireName(),
                "alpha", o.alpha(), "sequentialTuning", o.sequentialTuning(),
                "prior", o.prior().proper() ? ordered("mean", o.prior().mean(), "variance", o.prior().variance()) : "flat",
                "winnerRule", ordered("mode", o.winnerRule().mode().name().toLowerCase(Locale.ROOT),
                        "chanceToWin", o.winnerRule().chanceToWin(), "alpha", o.winnerRule().alpha(),
                        "minUsersPerVariation", o.winnerRule().minUsersPerVariation(),
                        "blockOnSrm", o.winnerRule().blockOnSrm())));
        return out;
    }

    private static Map<String, Object> decision(WinnerRule.Decision d, ExperimentResults r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("proposed", d.proposed());
        out.put("variationId", d.variationId());
        out.put("variationKey", d.variationId() == null ? null : r.variations().get(d.variationId()).variationKey());
        out.put("reason", d.reason());
        return out;
    }

    private static Object frequentist(FrequentistResult f, double alpha) {
        if (f == null) {
            return null;
        }
        return ordered("expected", f.expected(), "ci", ci(f.ciLower(), f.ciUpper()), "stddev", f.upliftStddev(),
                "pValue", f.pValue(), "significant", f.significant(alpha), "errorMessage", f.errorMessage());
    }

    private static Object bayesian(BayesianResult b) {
        if (b == null) {
            return null;
        }
        return ordered("expected", b.expected(), "ci", ci(b.ciLower(), b.ciUpper()), "stddev", b.upliftStddev(),
                "chanceToWin", b.chanceToWin(), "risk", List.of(b.riskControl(), b.riskTreatment()),
                "riskType", b.riskType(), "errorMessage", b.errorMessage());
    }

    /** JSON has no infinity: an open side of a one-sided interval is {@code null}. */
    private static List<Double> ci(double lo, double hi) {
        return Arrays.asList(Double.isInfinite(lo) ? null : lo, Double.isInfinite(hi) ? null : hi);
    }

    static Map<String, Object> rollout(RolloutService.Done d) {
        return ordered("experimentKey", d.experiment().key(), "status", d.experiment().status(),
                "force", d.experiment().force(), "variationKey", d.rollout().variationKey(),
                "changed", d.changed(), "by", d.rollout().by(), "at", d.rollout().at().toString(),
                "reason", d.rollout().reason());
    }

    static Map<String, Object> conversions(List<ConversionOutcome> outcomes) {
        Map<String, Long> ignored = new TreeMap<>();
        List<Object> items = new ArrayList<>();
        long counted = 0;
        for (ConversionOutcome o : outcomes) {
            if (o.counted()) {
                counted++;
            } else {
                ignored.merge(o.reason().wireName(), 1L, Long::sum);
            }
            items.add(ordered("eventId", o.eventId(), "counted", o.counted(),
                    "reason", o.reason() == null ? null : o.reason().wireName(), "variationId", o.variationId()));
        }
        return ordered("counted", counted, "ignored", ignored, "events", items);
    }

    static Map<String, Object> overview(ProgramOverview o) {
        Map<String, Long> totals = new TreeMap<>();
        List<Object> list = new ArrayList<>();
        for (ProgramDay d : o.days()) {
            d.counters().forEach((k, v) -> totals.merge(k, v, Long::sum));
            list.add(ordered("day", d.day().toString(), "counters", new TreeMap<>(d.counters())));
        }
        return ordered("program", o.program(), "from", o.from().toString(), "to", o.to().toString(), "days", list,
                "totals", totals, "pushSendCounters", PUSH_SEND_COUNTERS);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}

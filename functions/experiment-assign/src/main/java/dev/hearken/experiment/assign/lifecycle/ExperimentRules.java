package dev.hearken.experiment.assign.lifecycle;

import dev.hearken.experiment.assign.conversion.OutcomeType;
import dev.hearken.experiment.assignment.ConditionEvaluator;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assignment.Filter;
import dev.hearken.experiment.assignment.Namespace;
import dev.hearken.experiment.assignment.Range;
import dev.hearken.experiment.assignment.VariationMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules an experiment definition must follow before an operator may store it: GrowthBook's, where the runner
 * would otherwise quietly put nobody in (one variation, weights that do not match the variations, a hash version it
 * does not know) or everybody in the wrong place (weights that do not add up to 1, a coverage of 5 for 5 %), and a
 * targeting condition {@link ConditionEvaluator#validate} accepts. The assignment path stays as lenient as
 * GrowthBook's SDKs: these rules keep mistakes out of the table rather than out of the runner.
 *
 * <p>Every refusal is an {@link InvalidExperimentException} whose field is the path in the request body,
 * {@code definition.<path>} ({@code definition.weights}, {@code definition.condition.$or[1].country.$inn}).
 */
public final class ExperimentRules {

    /** How far the weights' sum may be from 1: decimal fractions do not add up exactly (0.34 + 0.33 + 0.33). */
    static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    private static final String PREFIX = "definition.";

    private ExperimentRules() {}

    /**
     * Reads an operator's definition of the experiment {@code key} as the catalogue reads stored ones
     * ({@link Experiment#fromMap}), refusing fields GrowthBook's experiment does not have (the catalogue would
     * ignore them, so they would be stored for nothing) and a {@code key} other than {@code key}, then checks it.
     *
     * @param definition GrowthBook's experiment JSON as plain Java values; its {@code key} may be absent
     */
    public static Experiment read(String key, Map<String, Object> definition) {
        for (String field : definition.keySet()) {
            if (!Experiment.FIELDS.contains(field)) {
                throw invalid(field, "is not a field of a GrowthBook experiment: " + new TreeSet<>(Experiment.FIELDS));
            }
        }
        Object own = definition.get("key");
        if (own != null && !key.equals(own)) {
            throw invalid("key", "must be the experiment's key, " + key);
        }
        Map<String, Object> keyed = new LinkedHashMap<>(definition);
        keyed.put("key", key);
        Experiment experiment;
        try {
            experiment = Experiment.fromMap(keyed);
        } catch (IllegalArgumentException e) {
            // Experiment's messages start with the field's path: "weights[1] must be a number".
            String[] pathAndRest = e.getMessage().split(" ", 2);
            throw invalid(pathAndRest[0], pathAndRest.length > 1 ? pathAndRest[1] : "is invalid");
        }
        check(experiment);
        return experiment;
    }

    /** Checks GrowthBook's rules on a definition; see the class comment. */
    public static void check(Experiment e) {
        int n = e.variations().size();
        if (n < 2) {
            throw invalid("variations", "needs at least two variations: a control and a treatment");
        }
        checkWeights(e.weights(), n);
        if (e.coverage() != null && !between01(e.coverage())) {
            throw invalid("coverage", "must be between 0 and 1 (0.05 for 5 %)");
        }
        if (!hashVersionOk(e.hashVersion())) {
            throw invalid("hashVersion", "must be 1 or 2");
        }
        Namespace ns = e.namespace();
        if (ns != null && (ns.id().isBlank() || ns.start() < 0 || ns.end() > 1 || ns.start() >= ns.end())) {
            throw invalid("namespace", "must be [id, start, end] with a non-blank id and 0 ≤ start < end ≤ 1");
        }
        if (e.ranges() != null) {
            if (e.ranges().size() != n) {
                throw invalid("ranges", "needs one range per variation (" + n + ")");
            }
            checkRanges(e.ranges(), "ranges");
        }
        if (e.filters() != null) {
            for (int i = 0; i < e.filters().size(); i++) {
                Filter f = e.filters().get(i);
                checkRanges(f.ranges(), "filters[" + i + "].ranges");
                if (!hashVersionOk(f.hashVersion())) {
                    throw invalid("filters[" + i + "].hashVersion", "must be 1 or 2");
                }
            }
        }
        checkCondition(e.condition(), "condition");
        if (e.parentConditions() != null) {
            for (int i = 0; i < e.parentConditions().size(); i++) {
                checkCondition(e.parentConditions().get(i).condition(), "parentConditions[" + i + "].condition");
            }
        }
        checkMeta(e.meta(), n);
        if (e.force() != null && (e.force() < 0 || e.force() >= n)) {
            throw invalid("force", "must be the index of a variation, 0 to " + (n - 1));
        }
    }

    /**
     * The metrics an experiment is meant to move ({@code goalMetrics}: the wire names of {@link OutcomeType}s, each
     * once), which results are read for ({@code GET …/results?goal=}); they are not part of GrowthBook's definition.
     *
     * @param value the body's {@code goalMetrics} as plain Java values; {@code null} means none
     * @return the metrics' wire names, in the order given
     */
    public static List<String> goalMetrics(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidExperimentException("goalMetrics", "goalMetrics must be a non-empty list of metrics");
        }
        List<String> metrics = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String name) || OutcomeType.of(name).isEmpty() || metrics.contains(name)) {
                throw new InvalidExperimentException("goalMetrics[" + i + "]", "goalMetrics[" + i + "] must be one of "
                        + Arrays.stream(OutcomeType.values()).map(OutcomeType::wireName).toList() + ", each once");
            }
            metrics.add(name);
        }
        return List.copyOf(metrics);
    }

    private static void checkWeights(List<Double> weights, int n) {
        if (weights == null) {
            return; // equal weights
        }
        if (weights.size() != n) {
            throw invalid("weights", "needs one weight per variation (" + n + ")");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!between01(weights.get(i))) {
                throw invalid("weights[" + i + "]", "must be between 0 and 1");
            }
            sum += weights.get(i);
        }
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw invalid("weights", "must add up to 1, not " + sum);
        }
    }

    private static void checkRanges(List<Range> ranges, String field) {
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            if (!between01(r.start()) || !between01(r.end()) || r.start() > r.end()) {
                throw invalid(field + "[" + i + "]", "must be [start, end] with 0 ≤ start ≤ end ≤ 1");
            }
        }
    }

    private static void checkCondition(Map<String, Object> condition, String field) {
        try {
            ConditionEvaluator.validate(condition, PREFIX + field);
        } catch (IllegalArgumentException e) {
            String[] pathAndRest = e.getMessage().split(" ", 2);
            throw new InvalidExperimentException(pathAndRest[0], e.getMessage());
        }
    }

    private static void checkMeta(List<VariationMeta> meta, int n) {
        if (meta == null) {
            return;
        }
        if (meta.size() != n) {
            throw invalid("meta", "needs one entry per variation (" + n + ")");
        }
        // Results, conversions and rollouts name variations by these keys: two alike would merge two arms.
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String key = meta.get(i).key();
            if (key != null && (key.isBlank() || !keys.add(key))) {
                throw invalid("meta[" + i + "].key", "must be a non-blank key no other variation has");
            }
        }
    }

    private static boolean hashVersionOk(Integer version) {
        return version == null || version == 1 || version == 2;
    }

    private static boolean between01(double v) {
        return v >= 0 && v <= 1;
    }

    private static InvalidExperimentException invalid(String path, String rest) {
        return new InvalidExperimentException(PREFIX + path, PREFIX + path + " " + rest);
    }
}

package dev.hearken.experiment.assignment;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment definition in GrowthBook's shape (the {@code Experiment} object its SDKs run).
 * Every field but {@code key} and {@code variations} is optional; {@code null} means "absent" and
 * takes GrowthBook's default. All collections are immutable copies.
 *
 * @param key               experiment key; also the hash seed when {@code seed} is absent
 * @param variations        the variation values (any JSON values); fewer than two means nobody is in
 * @param weights           traffic split per variation; equal when absent or invalid
 * @param coverage          share of hashed users included, 0..1; 1 when absent
 * @param hashAttribute     attribute to hash; {@code id} when absent
 * @param fallbackAttribute GrowthBook consults it only with sticky bucketing, which this
 *                          implementation does not have; kept so definitions round-trip
 * @param hashVersion       1 (the default, also for 0) or 2; anything else puts nobody in
 * @param seed              hash seed; the key when absent or empty
 * @param namespace         legacy mutual-exclusion slice; ignored when {@code filters} is present
 * @param filters           hash-range filters, all of which must pass
 * @param ranges            explicit variation ranges; when present, coverage and weights are ignored
 * @param condition         targeting condition over user attributes ({@link ConditionEvaluator})
 * @param parentConditions  prerequisite feature conditions ({@link PrerequisiteResolver})
 * @param meta              per-variation metadata (keys reported with assignments)
 * @param status            {@code draft}, {@code running} or {@code stopped}
 * @param active            {@code false} excludes everyone (forcing still works)
 * @param force             rolled-out winner: users who would be in get this variation, unhashed
 * @param name              display name, informational
 */
public record Experiment(
        String key,
        List<Object> variations,
        List<Double> weights,
        Double coverage,
        String hashAttribute,
        String fallbackAttribute,
        Integer hashVersion,
        String seed,
        Namespace namespace,
        List<Filter> filters,
        List<Range> ranges,
        Map<String, Object> condition,
        List<ParentCondition> parentConditions,
        List<VariationMeta> meta,
        String status,
        Boolean active,
        Integer force,
        String name) {

    /**
     * The fields of GrowthBook's experiment JSON that {@link #fromMap} reads and {@link #toMap} writes; it ignores
     * others (as GrowthBook's SDKs do) and rejects browser targeting.
     */
    public static final Set<String> FIELDS = Set.of("key", "variations", "weights", "coverage", "hashAttribute",
            "fallbackAttribute", "hashVersion", "seed", "namespace", "filters", "ranges", "condition",
            "parentConditions", "meta", "status", "active", "force", "name");

    /** The statuses GrowthBook defines; a typo is rejected rather than read as "running". */
    public static final Set<String> STATUSES = Set.of("draft", "running", "stopped");

    public Experiment {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key is required");
        }
        if (variations == null) {
            throw new IllegalArgumentException("variations is required");
        }
        variations = JsValues.immutableJsonList(variations, "variations");
        if (weights != null) {
            for (int i = 0; i < weights.size(); i++) {
                Double w = weights.get(i);
                if (w == null || !Double.isFinite(w)) {
                    throw new IllegalArgumentException("weights[" + i + "] must be a number");
                }
            }
            weights = List.copyOf(weights);
        }
        if (coverage != null && !Double.isFinite(coverage)) {
            throw new IllegalArgumentException("coverage must be a number");
        }
        filters = filters == null ? null : List.copyOf(filters);
        ranges = ranges == null ? null : List.copyOf(ranges);
        condition = condition == null ? null : JsValues.immutableJsonObject(condition, "condition");
        parentConditions = parentConditions == null ? null : List.copyOf(parentConditions);
        meta = meta == null ? null : List.copyOf(meta);
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of draft, running, stopped: " + status);
        }
    }

    /**
     * Reads GrowthBook's experiment JSON (as plain Java values: {@code Map}, {@code List},
     * {@code String}, {@code Number}, {@code Boolean}, {@code null}). Keys GrowthBook's SDK ignores
     * for assignment are ignored here too; an explicit {@code null} counts as absent.
     *
     * <p>Browser and legacy targeting ({@code urlPatterns}, {@code url}, {@code include},
     * {@code groups}) is rejected rather than ignored: ignoring it would enrol users the
     * definition meant to exclude.
     *
     * @throws IllegalArgumentException naming the offending field, e.g. {@code "weights[1] must be a number"}
     */
    public static Experiment fromMap(Map<String, Object> json) {
        return ExperimentJson.read(json);
    }

    /** The GrowthBook JSON form of this definition (absent fields omitted); {@link #fromMap} reads it back. */
    public Map<String, Object> toMap() {
        return ExperimentJson.write(this);
    }
}

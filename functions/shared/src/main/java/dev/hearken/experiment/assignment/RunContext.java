package dev.hearken.experiment.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of GrowthBook's SDK context that affect {@link ExperimentRunner#run}: everything that
 * is the same for many users, as opposed to the per-user attributes.
 *
 * @param enabled          {@code false} puts nobody in any experiment
 * @param qaMode           {@code true} puts nobody in by hashing; forcing still works
 * @param forcedVariations experiment key → variation index, applied before any other check
 * @param url              the page URL; a query parameter {@code ?<experimentKey>=<index>} forces
 *                         that variation. {@code null} when there is none (the server-side case)
 * @param savedGroups      saved-group id → members, for {@code $inGroup}/{@code $notInGroup}
 * @param prerequisites    where prerequisite feature values come from
 */
public record RunContext(
        boolean enabled,
        boolean qaMode,
        Map<String, Integer> forcedVariations,
        String url,
        Map<String, List<Object>> savedGroups,
        PrerequisiteResolver prerequisites) {

    private static final RunContext DEFAULTS = new RunContext(true, false, Map.of(), null, Map.of(), null);

    public RunContext {
        forcedVariations = forcedVariations == null ? Map.of() : Map.copyOf(forcedVariations);
        if (savedGroups == null) {
            savedGroups = Map.of();
        } else {
            Map<String, List<Object>> copy = new LinkedHashMap<>();
            savedGroups.forEach((id, members) -> copy.put(
                    Objects.requireNonNull(id, "saved group id"),
                    JsValues.immutableJsonList(
                            Objects.requireNonNull(members, "saved group " + id), "savedGroups." + id)));
            savedGroups = Map.copyOf(copy);
        }
        prerequisites = prerequisites == null ? PrerequisiteResolver.NONE : prerequisites;
    }

    /** A context without prerequisite features. */
    public RunContext(
            boolean enabled,
            boolean qaMode,
            Map<String, Integer> forcedVariations,
            String url,
            Map<String, List<Object>> savedGroups) {
        this(enabled, qaMode, forcedVariations, url, savedGroups, null);
    }

    /** Enabled, not QA, nothing forced, no URL, no saved groups, no prerequisite features. */
    public static RunContext defaults() {
        return DEFAULTS;
    }
}

package dev.hearken.experiment.assign.results;

import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assign.conversion.Attribution;
import dev.hearken.experiment.port.ExperimentCatalog;
import dev.hearken.experiment.assign.port.ExperimentRollouts;
import dev.hearken.experiment.service.UnknownExperimentException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Rolls a variation out to everyone who qualifies, as GrowthBook's rollout rule does: the definition gets
 * {@code force} = the variation, status {@code stopped} and coverage 1 — without its namespace, filters or
 * explicit ranges — so an experiment tested on 5 % of its audience serves the winner to 100 % of it (its targeting
 * condition still decides who qualifies), unhashed and without a new exposure. Always an explicit action with a
 * person's name; the winner rule only proposes.
 *
 * <p>Warm assign functions pick the change up when their catalogue cache expires
 * ({@code hearken.experiments.cache-ttl}, 60 s by default).
 */
public final class RolloutService {

    /** The result of a rollout request. */
    public sealed interface Outcome {}

    /** Rolled out now (or was already rolled out to that variation: {@code changed} false). */
    public record Done(Experiment experiment, Rollout rollout, boolean changed) implements Outcome {}

    /** Refused: {@code code} is {@code unknown_variation}, {@code draft} or {@code conflict}. */
    public record Refused(String code, String message) implements Outcome {}

    private static final System.Logger LOG = System.getLogger(RolloutService.class.getName());

    private final ExperimentCatalog source;
    private final ExperimentRollouts rollouts;
    private final Clock clock;

    /**
     * @param source the uncached catalogue: a rollout must start from the stored definition
     */
    public RolloutService(ExperimentCatalog source, ExperimentRollouts rollouts, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.rollouts = Objects.requireNonNull(rollouts, "rollouts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param variation the variation's key, or its index as text
     * @param by        who decides (an e-mail or user name)
     * @param reason    why, free text; may be {@code null}
     * @throws UnknownExperimentException when there is no such experiment
     */
    public Outcome rollOut(String experimentKey, String variation, String by, String reason) {
        Experiment current = source.all().stream().filter(e -> e.key().equals(experimentKey)).findFirst()
                .orElseThrow(() -> new UnknownExperimentException(experimentKey));
        if ("draft".equals(current.status())) {
            return new Refused("draft", "a draft experiment has no results to roll out; start it first");
        }
        int index = index(current, variation);
        if (index < 0) {
            return new Refused("unknown_variation", "experiment '" + experimentKey + "' has no variation '" + variation + "'");
        }
        Rollout rollout = new Rollout(index, Attribution.variationKey(current, index), by, clock.instant(), reason);
        if (Integer.valueOf(index).equals(current.force()) && "stopped".equals(current.status())
                && rolledOutToAll(current)) {
            LOG.log(System.Logger.Level.INFO, "experiment {0} already rolled out to variation {1}", experimentKey, index);
            return new Done(current, rollout, false);
        }
        Map<String, Object> definition = new java.util.LinkedHashMap<>(current.toMap());
        definition.put("force", index);
        definition.put("status", "stopped");
        // The runner checks namespace, filters and coverage before a forced winner (GrowthBook's order), so a
        // rollout that kept them would still serve only the test's slice of the audience.
        definition.put("coverage", 1.0);
        definition.remove("namespace");
        definition.remove("filters");
        definition.remove("ranges");
        Experiment rolledOut = Experiment.fromMap(definition);
        if (!rollouts.save(current, rolledOut, rollout)) {
            return new Refused("conflict", "the definition changed while rolling out; retry");
        }
        LOG.log(System.Logger.Level.INFO, "experiment {0} rolled out to variation {1}", experimentKey, index);
        return new Done(rolledOut, rollout, true);
    }

    private static boolean rolledOutToAll(Experiment e) {
        return (e.coverage() == null || e.coverage() >= 1.0) && e.namespace() == null && e.filters() == null
                && e.ranges() == null;
    }

    /** By key first; a plain index ("1") also names a variation, as in GrowthBook's {@code force}. */
    private static int index(Experiment experiment, String variation) {
        int byKey = Attribution.variationIndex(experiment, variation);
        if (byKey >= 0 || !variation.matches("\\d{1,3}")) {
            return byKey;
        }
        int i = Integer.parseInt(variation);
        return i < experiment.variations().size() ? i : -1;
    }
}

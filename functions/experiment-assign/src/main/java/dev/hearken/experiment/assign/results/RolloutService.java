package dev.hearken.experiment.assign.results;

import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assign.conversion.Attribution;
import dev.hearken.experiment.assign.port.ExperimentRollouts;
import dev.hearken.experiment.service.UnknownExperimentException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Rolls a variation out to everyone who qualifies, as GrowthBook's rollout rule does: the definition gets
 * {@code force} = the variation, status {@code stopped} and coverage 1 — without its namespace, filters or
 * explicit ranges — so an experiment tested on 5 % of its audience serves the winner to 100 % of it (its targeting
 * condition still decides who qualifies), unhashed and without a new exposure. Always an explicit action with a
 * person's name; the winner rule only proposes.
 *
 * <p>There is one rollout path: the operator API ({@code POST /admin/experiments/{experimentKey}/rollout}, based on the
 * version the operator read) and the results API ({@code POST /experiments/{key}/rollout}, based on the current
 * version) both come here, and the store writes the change with its audit entry. Warm assign functions pick the
 * change up when their catalogue cache expires ({@code hearken.experiments.cache-ttl}, 60 s by default).
 */
public final class RolloutService {

    /** The result of a rollout request. */
    public sealed interface Outcome {}

    /** Rolled out now (or was already rolled out to that variation: {@code changed} false). */
    public record Done(Experiment experiment, Rollout rollout, boolean changed) implements Outcome {}

    /** Refused: {@code code} is {@code unknown_variation} or {@code draft}. */
    public record Refused(String code, String message) implements Outcome {}

    private static final System.Logger LOG = System.getLogger(RolloutService.class.getName());

    private final ExperimentRollouts rollouts;
    private final Clock clock;

    public RolloutService(ExperimentRollouts rollouts, Clock clock) {
        this.rollouts = Objects.requireNonNull(rollouts, "rollouts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param expectedVersion the version of the experiment the caller decided on; empty: the current one
     * @param variation       the variation's key, or its index as text
     * @param by              who decides (an IAM ARN, an e-mail or user name)
     * @param reason          why, free text; may be {@code null}
     * @throws UnknownExperimentException when there is no such experiment
     */
    public Outcome rollOut(String experimentKey, OptionalLong expectedVersion, String variation, String by,
            String reason) {
        Outcome outcome = rollouts.rollOut(experimentKey, expectedVersion,
                current -> decide(current, variation, by, reason));
        if (outcome instanceof Done d) {
            LOG.log(System.Logger.Level.INFO, "experiment {0} {1} to variation {2}", experimentKey,
                    d.changed() ? "rolled out" : "already rolled out", d.rollout().variationId());
        }
        return outcome;
    }

    /** What rolling {@code variation} out makes of the stored definition {@code current}. */
    Outcome decide(Experiment current, String variation, String by, String reason) {
        String experimentKey = current.key();
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
            return new Done(current, rollout, false);
        }
        Map<String, Object> definition = new LinkedHashMap<>(current.toMap());
        definition.put("force", index);
        definition.put("status", "stopped");
        // The runner checks namespace, filters and coverage before a forced winner (GrowthBook's order), so a
        // rollout that kept them would still serve only the test's slice of the audience.
        definition.put("coverage", 1.0);
        definition.remove("namespace");
        definition.remove("filters");
        definition.remove("ranges");
        return new Done(Experiment.fromMap(definition), rollout, true);
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

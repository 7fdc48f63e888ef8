package dev.hearken.experiment.assign.lifecycle;

import dev.hearken.experiment.assignment.Experiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which changes an experiment's status allows, as functions of the stored definition (the version a change
 * replaces) to the next one:
 * <ul>
 *   <li>an experiment is created as a {@code draft}: nobody is assigned to a draft (GrowthBook's rule, which
 *       {@code ExperimentRunner} follows);</li>
 *   <li>{@code draft} → {@code running} (start) → {@code stopped} (stop: nobody is in any more, everyone sees the
 *       first variation, or a rolled-out winner); a stopped experiment is not restarted, since its results would mix
 *       two periods — a new experiment (a new key) is;</li>
 *   <li>a draft may be edited freely; a running or stopped experiment only in its {@code name} and its variations'
 *       {@code meta[].name}: any other change (variations, weights, coverage, targeting, hashing) moves users
 *       between variations and invalidates the results gathered so far;</li>
 *   <li>drafts and stopped experiments may be deleted; a running one is stopped first.</li>
 * </ul>
 * A status changes only through start, stop and rollout ({@code RolloutService}), never through an edit.
 */
public final class Lifecycle {

    public static final String DRAFT = "draft";
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";

    private Lifecycle() {}

    /** A definition's status as GrowthBook reads it: {@code running} when it has none. */
    public static String status(Experiment e) {
        return e.status() == null ? RUNNING : e.status();
    }

    /** A new experiment, which must be a draft. */
    public static Experiment created(Experiment proposed) {
        if (!DRAFT.equals(status(proposed))) {
            throw new InvalidExperimentException("status", "status must be draft: an experiment is created as a "
                    + "draft and started with POST /admin/experiments/{experimentKey}/start");
        }
        return proposed;
    }

    /**
     * {@code proposed} replacing {@code current}, with their goal metrics; see the class comment for what may change.
     * Goal metrics are fixed with the rest once the experiment runs: choosing the goal after seeing the data biases
     * the decision.
     */
    public static Experiment edited(Experiment current, List<String> currentGoals, Experiment proposed,
            List<String> proposedGoals) {
        if (!status(current).equals(status(proposed))) {
            throw new InvalidExperimentException("status", "status is " + status(current)
                    + " and changes only through POST …/start, …/stop and …/rollout");
        }
        if (DRAFT.equals(status(current))
                || assignment(current).equals(assignment(proposed)) && currentGoals.equals(proposedGoals)) {
            return proposed;
        }
        throw new ExperimentStateException(current.key() + " is " + status(current) + ": only its name and its "
                + "variations' names may change; changing what decides who gets which variation, or the goal, "
                + "would invalidate its results (create a new experiment instead)");
    }

    /** Starts a draft. */
    public static Experiment started(Experiment current) {
        if (!DRAFT.equals(status(current))) {
            throw new ExperimentStateException(current.key() + " is " + status(current)
                    + "; only a draft can be started (a stopped experiment's results are final: create a new one)");
        }
        return withStatus(current, RUNNING);
    }

    /** Stops a running experiment: nobody is assigned to a variation any more. */
    public static Experiment stopped(Experiment current) {
        if (!RUNNING.equals(status(current))) {
            throw new ExperimentStateException(current.key() + " is " + status(current)
                    + "; only a running experiment can be stopped");
        }
        return withStatus(current, STOPPED);
    }

    /** Refuses to delete a running experiment. */
    public static void requireDeletable(Experiment current) {
        if (RUNNING.equals(status(current))) {
            throw new ExperimentStateException(current.key() + " is running; stop it before deleting it");
        }
    }

    /** The definition without what only labels it: what decides who gets which variation. */
    private static Map<String, Object> assignment(Experiment e) {
        Map<String, Object> map = new LinkedHashMap<>(e.toMap());
        map.remove("name");
        if (e.meta() != null) {
            List<Object> keys = new ArrayList<>();
            e.meta().forEach(m -> keys.add(List.of(String.valueOf(m.key()), m.passthrough())));
            map.put("meta", keys);
        }
        return map;
    }

    private static Experiment withStatus(Experiment e, String status) {
        Map<String, Object> map = new LinkedHashMap<>(e.toMap());
        map.put("status", status);
        return Experiment.fromMap(map);
    }
}

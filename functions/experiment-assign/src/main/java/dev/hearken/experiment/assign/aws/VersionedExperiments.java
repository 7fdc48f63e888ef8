package dev.hearken.experiment.assign.aws;

import dev.hearken.aws.admin.AdminRefusal;
import dev.hearken.aws.admin.ItemKey;
import dev.hearken.aws.admin.Versioned;
import dev.hearken.aws.admin.VersionedItems;
import dev.hearken.experiment.assign.lifecycle.Lifecycle;
import dev.hearken.experiment.assign.port.ExperimentRollouts;
import dev.hearken.experiment.assign.results.Rollout;
import dev.hearken.experiment.assign.results.RolloutService;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.service.UnknownExperimentException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The experiments table as the operator API changes it: every change is a {@link VersionedItems} write, based on
 * the version the caller read and audited under its author, and every check of the experiment's status is made on
 * that version (the write is conditional on it, so a concurrent change makes it a 409, never a lost update).
 *
 * <p>A rollout also records who, when and why: the latest as {@code rollout} ({@code variationId},
 * {@code variationKey}, {@code by}, {@code at}, {@code reason}) and every one appended to {@code rolloutHistory}.
 * Every change keeps those records and the goal metrics; readers of the table ignore them.
 */
public final class VersionedExperiments implements ExperimentRollouts {

    static final String ROLLOUT = "rollout";
    static final String ROLLOUT_HISTORY = "rolloutHistory";

    private final VersionedItems items;
    private final ExperimentSchema schema;

    public VersionedExperiments(VersionedItems items, ExperimentSchema schema) {
        this.items = items;
        this.schema = schema;
    }

    /** The stored experiment, if any. */
    public Optional<Versioned> find(String key) {
        return items.find(key(key));
    }

    /**
     * Applies {@code transition} (start, stop) to the experiment at version {@code expected}, audited as
     * {@code action}; what it refuses ({@code ExperimentStateException}) writes nothing.
     */
    public Versioned transition(String key, long expected, String author, String action,
            UnaryOperator<Experiment> transition) {
        return items.change(key(key), expected, author, action,
                stored -> withDefinition(stored, transition.apply(schema.experiment(stored))));
    }

    /**
     * Replaces the experiment at version {@code expected} with {@code proposed} and its goal metrics, as far as
     * {@link Lifecycle#edited} allows; the rollout records stay. A stored item the catalogue cannot read (written
     * by hand) may be replaced by any valid definition: that is how it gets mended.
     */
    public Versioned edit(String key, long expected, String author, Experiment proposed, List<String> goalMetrics) {
        return items.change(key(key), expected, author, "update", stored -> {
            readable(stored).ifPresent(current -> Lifecycle.edited(current, schema.goalMetrics(stored), proposed,
                    goalMetrics));
            Map<String, AttributeValue> next = schema.item(proposed, goalMetrics);
            for (String record : List.of(ROLLOUT, ROLLOUT_HISTORY)) {
                if (stored.containsKey(record)) {
                    next.put(record, stored.get(record));
                }
            }
            return next;
        });
    }

    /** The experiment an item holds, or empty when the catalogue would skip it as invalid. */
    public Optional<Experiment> readable(Map<String, AttributeValue> item) {
        try {
            return Optional.of(schema.experiment(item));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public RolloutService.Outcome rollOut(String experimentKey, OptionalLong expectedVersion,
            Function<Experiment, RolloutService.Outcome> decide) {
        if (expectedVersion.isPresent()) {
            return rollOutAt(experimentKey, expectedVersion.getAsLong(), decide);
        }
        try {
            return rollOutAt(experimentKey, current(experimentKey).version(), decide);
        } catch (AdminRefusal refusal) {
            if (!"version_conflict".equals(refusal.code())) {
                throw refusal;
            }
            // Another change landed between our read and our write: decide again on what it left, once.
            return rollOutAt(experimentKey, current(experimentKey).version(), decide);
        }
    }

    private RolloutService.Outcome rollOutAt(String experimentKey, long version,
            Function<Experiment, RolloutService.Outcome> decide) {
        Versioned current = current(experimentKey);
        if (current.version() != version) {
            throw AdminRefusal.staleVersion(experimentKey, version, current.version());
        }
        RolloutService.Outcome outcome = decide.apply(schema.experiment(current.item()));
        if (outcome instanceof RolloutService.Done done && done.changed()) {
            // Conditional on the version decided on: had it changed since, this is a 409 and nothing is written.
            items.change(key(experimentKey), version, done.rollout().by(), "rollout",
                    stored -> rolledOut(stored, done));
        }
        return outcome;
    }

    private Versioned current(String experimentKey) {
        return find(experimentKey).orElseThrow(() -> new UnknownExperimentException(experimentKey));
    }

    private Map<String, AttributeValue> rolledOut(Map<String, AttributeValue> stored, RolloutService.Done done) {
        Map<String, AttributeValue> next = withDefinition(stored, done.experiment());
        AttributeValue entry = AttributeValue.fromM(entry(done.rollout()));
        List<AttributeValue> history = new ArrayList<>();
        if (stored.containsKey(ROLLOUT_HISTORY)) {
            history.addAll(stored.get(ROLLOUT_HISTORY).l());
        }
        history.add(entry);
        next.put(ROLLOUT, entry);
        next.put(ROLLOUT_HISTORY, AttributeValue.fromL(history));
        return next;
    }

    /** {@code stored} with {@code experiment} as its definition and status; everything else stays. */
    private Map<String, AttributeValue> withDefinition(Map<String, AttributeValue> stored, Experiment experiment) {
        Map<String, AttributeValue> next = new HashMap<>(stored);
        next.putAll(schema.item(experiment, List.of()));
        return next;
    }

    private static Map<String, AttributeValue> entry(Rollout rollout) {
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("variationId", AttributeValue.fromN(Integer.toString(rollout.variationId())));
        entry.put("variationKey", AttributeValue.fromS(rollout.variationKey()));
        entry.put("by", AttributeValue.fromS(rollout.by()));
        entry.put("at", AttributeValue.fromS(rollout.at().toString()));
        if (rollout.reason() != null) {
            entry.put("reason", AttributeValue.fromS(rollout.reason()));
        }
        return entry;
    }

    private static ItemKey key(String experimentKey) {
        return ItemKey.strings(ExperimentSchema.KEY, experimentKey);
    }
}

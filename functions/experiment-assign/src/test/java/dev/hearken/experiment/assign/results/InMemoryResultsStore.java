package dev.hearken.experiment.assign.results;

import dev.hearken.experiment.assign.conversion.AttributedConversion;
import dev.hearken.experiment.assign.conversion.IgnoreReason;
import dev.hearken.experiment.assign.conversion.OutcomeType;
import dev.hearken.experiment.assign.port.ConversionLedger;
import dev.hearken.experiment.assign.port.ExperimentAggregates;
import dev.hearken.experiment.port.ExposureLog;
import dev.hearken.experiment.port.ExposureLookup;
import dev.hearken.experiment.service.Exposure;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every experiment store in memory, behaving like the DynamoDB adapters: first exposures once, event
 * ids once, per-user totals so Σy² is over users, not events.
 */
public final class InMemoryResultsStore implements ExposureLog, ExposureLookup, ConversionLedger, ExperimentAggregates {

    private final Map<String, Exposure> exposures = new HashMap<>();
    private final Set<String> eventIds = new HashSet<>();
    private final Map<String, Double> userTotals = new HashMap<>();
    private final Map<String, Map<Integer, Long>> exposed = new HashMap<>();
    private final Map<String, Map<OutcomeType, Map<Integer, MetricTotals>>> metrics = new HashMap<>();
    private final Map<String, Map<IgnoreReason, Long>> ignored = new HashMap<>();
    public final Map<String, Map<String, Long>> programCounters = new HashMap<>();

    @Override
    public boolean recordFirst(Exposure exposure) {
        return exposures.putIfAbsent(exposure.experimentKey() + "|" + exposure.userId(), exposure) == null;
    }

    @Override
    public Optional<Exposure> find(String experimentKey, String userId) {
        return Optional.ofNullable(exposures.get(experimentKey + "|" + userId));
    }

    @Override
    public void countFirstExposure(String experimentKey, int variationId) {
        exposed.computeIfAbsent(experimentKey, k -> new HashMap<>()).merge(variationId, 1L, Long::sum);
    }

    @Override
    public void countIgnored(String experimentKey, IgnoreReason reason) {
        ignored.computeIfAbsent(experimentKey, k -> new HashMap<>()).merge(reason, 1L, Long::sum);
    }

    @Override
    public boolean apply(AttributedConversion c) {
        var e = c.event();
        if (!eventIds.add(e.eventId())) {
            return false;
        }
        if (c.forExperiment()) {
            String userKey = e.experimentKey() + "|" + e.type() + "|" + e.userId();
            Double old = userTotals.get(userKey);
            double before = old == null ? 0 : old;
            double after = before + e.value();
            userTotals.put(userKey, after);
            metrics.computeIfAbsent(e.experimentKey(), k -> new HashMap<>())
                    .computeIfAbsent(e.type(), k -> new HashMap<>())
                    .merge(c.variationId(), new MetricTotals(old == null ? 1 : 0, 1, e.value(), after * after - before * before),
                            (a, b) -> new MetricTotals(a.users() + b.users(), a.events() + b.events(),
                                    a.sum() + b.sum(), a.sumSquares() + b.sumSquares()));
        }
        if (e.program() != null) {
            programCounters.computeIfAbsent(e.program() + "|" + e.occurredAt().toString().substring(0, 10), k -> new HashMap<>())
                    .merge(e.type().wireName(), 1L, Long::sum);
        }
        return true;
    }

    @Override
    public AggregateSnapshot read(String experimentKey) {
        return new AggregateSnapshot(exposed.getOrDefault(experimentKey, Map.of()),
                metrics.getOrDefault(experimentKey, Map.of()), ignored.getOrDefault(experimentKey, Map.of()));
    }
}

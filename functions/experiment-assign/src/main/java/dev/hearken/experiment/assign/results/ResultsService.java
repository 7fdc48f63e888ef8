package dev.hearken.experiment.assign.results;

import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assign.port.ExperimentAggregates;
import dev.hearken.experiment.service.CachingExperimentCatalog;
import dev.hearken.experiment.service.UnknownExperimentException;
import java.util.Objects;

/**
 * An experiment's results from its incremental counters: one query for the counters, no raw events
 * read, so the cost does not grow with traffic.
 */
public final class ResultsService {

    private final CachingExperimentCatalog catalog;
    private final ExperimentAggregates aggregates;
    private final ResultsOptions defaults;

    public ResultsService(CachingExperimentCatalog catalog, ExperimentAggregates aggregates, ResultsOptions defaults) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.aggregates = Objects.requireNonNull(aggregates, "aggregates");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /** The configured defaults, for callers that override a few of them per request. */
    public ResultsOptions defaults() {
        return defaults;
    }

    /**
     * @throws UnknownExperimentException when there is no such experiment
     */
    public ExperimentResults results(String experimentKey, ResultsOptions options) {
        Experiment experiment = catalog.find(experimentKey)
                .orElseThrow(() -> new UnknownExperimentException(experimentKey));
        return ResultsCalculator.compute(experiment, aggregates.read(experimentKey), options);
    }
}

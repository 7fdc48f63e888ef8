package dev.hearken.experiment.assign.conversion;

import dev.hearken.experiment.assign.port.ConversionLedger;
import dev.hearken.experiment.assign.port.ExperimentAggregates;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.port.ExposureLookup;
import dev.hearken.experiment.service.CachingExperimentCatalog;
import dev.hearken.experiment.service.UnknownExperimentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts outcome events (push opened, e-mail clicked, CSAT, …) for experiments and programs, the
 * one entry point for the SQS worker and the HTTP API.
 *
 * <p>An event for an experiment is credited to the variation of the user's recorded first
 * exposure, if it happened after that exposure and within the attribution window; otherwise it is
 * ignored and the reason counted on the experiment ({@link ExperimentAggregates#countIgnored}).
 * Events for an unknown experiment are not counted anywhere (that would let any caller create
 * counters), only reported. An event id is counted at most once ({@link ConversionLedger}).
 */
public final class ConversionService {

    private final CachingExperimentCatalog catalog;
    private final ExposureLookup exposures;
    private final ConversionLedger ledger;
    private final ExperimentAggregates aggregates;
    private final Duration attributionWindow;

    /**
     * @param attributionWindow how long after a user's first exposure their events still count
     */
    public ConversionService(CachingExperimentCatalog catalog, ExposureLookup exposures, ConversionLedger ledger,
            ExperimentAggregates aggregates, Duration attributionWindow) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.exposures = Objects.requireNonNull(exposures, "exposures");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.aggregates = Objects.requireNonNull(aggregates, "aggregates");
        this.attributionWindow = Objects.requireNonNull(attributionWindow, "attributionWindow");
        if (attributionWindow.isNegative() || attributionWindow.isZero()) {
            throw new IllegalArgumentException("attributionWindow must be positive");
        }
    }

    /** Counts {@code event} once, or says why not. */
    public ConversionOutcome record(OutcomeEvent event) {
        Integer variationId = null;
        if (event.experimentKey() != null) {
            Optional<Experiment> experiment = catalog.find(event.experimentKey());
            if (experiment.isEmpty()) {
                return ConversionOutcome.ignored(event.eventId(), IgnoreReason.UNKNOWN_EXPERIMENT);
            }
            Attribution.Verdict verdict = Attribution.attribute(event, experiment.get(),
                    exposures.find(event.experimentKey(), event.userId()), attributionWindow);
            if (verdict instanceof Attribution.Ignored ignored) {
                return ignore(event, ignored.reason());
            }
            variationId = ((Attribution.Attributed) verdict).variationId();
        }
        if (!ledger.apply(new AttributedConversion(event, variationId))) {
            return ignore(event, IgnoreReason.DUPLICATE);
        }
        return ConversionOutcome.counted(event.eventId(), variationId);
    }

    /**
     * Counts an event a caller sent on its own: naming an experiment that does not exist is the
     * caller's error, not an event to report.
     *
     * @throws UnknownExperimentException when the event's experiment is not in the catalogue
     */
    public ConversionOutcome recordOne(OutcomeEvent event) {
        ConversionOutcome outcome = record(event);
        if (outcome.reason() == IgnoreReason.UNKNOWN_EXPERIMENT) {
            throw new UnknownExperimentException(event.experimentKey());
        }
        return outcome;
    }

    /** Counts each event of a batch once, in order; an unknown experiment is reported per event. */
    public List<ConversionOutcome> recordAll(List<OutcomeEvent> events) {
        List<ConversionOutcome> outcomes = new ArrayList<>(events.size());
        for (OutcomeEvent event : events) {
            outcomes.add(record(event));
        }
        return outcomes;
    }

    private ConversionOutcome ignore(OutcomeEvent event, IgnoreReason reason) {
        if (event.experimentKey() != null) {
            aggregates.countIgnored(event.experimentKey(), reason);
        }
        return ConversionOutcome.ignored(event.eventId(), reason);
    }
}

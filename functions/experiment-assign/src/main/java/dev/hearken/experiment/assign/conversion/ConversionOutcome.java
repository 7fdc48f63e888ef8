package dev.hearken.experiment.assign.conversion;

/**
 * What happened to one outcome event.
 *
 * @param eventId     the event
 * @param counted     {@code true} when it changed the aggregates
 * @param reason      why not, when not counted
 * @param variationId the variation credited, when counted for an experiment
 */
public record ConversionOutcome(String eventId, boolean counted, IgnoreReason reason, Integer variationId) {

    static ConversionOutcome counted(String eventId, Integer variationId) {
        return new ConversionOutcome(eventId, true, null, variationId);
    }

    static ConversionOutcome ignored(String eventId, IgnoreReason reason) {
        return new ConversionOutcome(eventId, false, reason, null);
    }
}

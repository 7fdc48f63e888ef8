package dev.hearken.experiment.assign.port;

import dev.hearken.experiment.assign.conversion.AttributedConversion;

/**
 * Counts attributed outcome events exactly once per event id: the record of the event id and the
 * counter updates (experiment metric totals, program day counters) must happen atomically, so a
 * retry after a crash neither loses nor double-counts an event.
 */
public interface ConversionLedger {

    /**
     * Records {@code conversion} and adds it to the aggregates.
     *
     * @return {@code false} when an event with the same id was already recorded (nothing changed)
     */
    boolean apply(AttributedConversion conversion);
}

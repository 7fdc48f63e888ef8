package dev.hearken.experiment.port;

import dev.hearken.experiment.port.ProgramDay;
import java.time.LocalDate;
import java.util.List;

/**
 * Per program and day counters for the program overview. Outcome events add opens, clicks and
 * conversions (through {@link ConversionLedger}); push-send (#7) adds sends, deliveries, caps and
 * deferrals with the same atomic adds on the same items.
 */
public interface ProgramStats {

    /** The days of {@code program} from {@code from} to {@code to} (inclusive) that have any counter. */
    List<ProgramDay> read(String program, LocalDate from, LocalDate to);
}

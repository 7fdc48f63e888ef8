package dev.hearken.experiment.port;

import java.time.LocalDate;
import java.util.Map;

/**
 * One program's counters on one (UTC) day, e.g. {@code sends}, {@code deliveries}, {@code capped},
 * {@code deferred} (from push-send) and {@code push_opened}, {@code push_clicked}, … (one per outcome type).
 */
public record ProgramDay(LocalDate day, Map<String, Long> counters) {

    public ProgramDay {
        counters = Map.copyOf(counters);
    }
}

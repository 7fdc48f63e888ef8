package dev.hearken.experiment.assign.results;

import dev.hearken.experiment.port.ProgramDay;
import java.time.LocalDate;
import java.util.List;

/** A program's day counters over a range of UTC days (days without any counter are absent). */
public record ProgramOverview(String program, LocalDate from, LocalDate to, List<ProgramDay> days) {

    public ProgramOverview {
        days = List.copyOf(days);
    }
}

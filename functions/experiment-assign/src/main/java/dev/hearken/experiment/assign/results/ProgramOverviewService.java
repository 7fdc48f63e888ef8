package dev.hearken.experiment.assign.results;

import dev.hearken.experiment.port.ProgramStats;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Per program and day counters — sends, deliveries, caps, deferrals (from push-send, #7) and opens,
 * clicks, conversions (from outcome events) — the data teams build their dashboards on.
 */
public final class ProgramOverviewService {

    /** Longest range one request may ask for. */
    public static final int MAX_DAYS = 92;
    /** Range when none is given: the last 30 days including today. */
    public static final int DEFAULT_DAYS = 30;

    private final ProgramStats stats;
    private final Clock clock;

    public ProgramOverviewService(ProgramStats stats, Clock clock) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Days of {@code program} between {@code from} and {@code to} (UTC days, inclusive); either may be
     * {@code null}: {@code to} defaults to today, {@code from} to 29 days before {@code to}.
     *
     * @throws InvalidRangeException when from is after to or the range exceeds {@value #MAX_DAYS} days
     */
    public ProgramOverview overview(String program, LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw new InvalidRangeException("from must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new InvalidRangeException("at most " + MAX_DAYS + " days per request");
        }
        return new ProgramOverview(program, start, end, stats.read(program, start, end));
    }
}

package dev.hearken.experiment.assign.api;

import dev.hearken.experiment.assign.results.ProgramOverview;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The answer to {@code GET /programs/{program}/overview}: per day counters and their totals. */
public record OverviewResponse(String program, String from, String to, List<Day> days, Map<String, Long> totals,
        List<String> pushSendCounters) {

    /** Program counters push-send (#7) writes; listed so dashboards can rely on their names. */
    static final List<String> PUSH_SEND_COUNTERS = List.of("sends", "deliveries", "capped", "deferred");

    public static OverviewResponse of(ProgramOverview o) {
        Map<String, Long> totals = new TreeMap<>();
        o.days().forEach(d -> d.counters().forEach((k, v) -> totals.merge(k, v, Long::sum)));
        return new OverviewResponse(o.program(), o.from().toString(), o.to().toString(),
                o.days().stream().map(d -> new Day(d.day().toString(), new TreeMap<>(d.counters()))).toList(),
                totals, PUSH_SEND_COUNTERS);
    }

    /** One day's counters, by name. */
    public record Day(String day, Map<String, Long> counters) {}
}

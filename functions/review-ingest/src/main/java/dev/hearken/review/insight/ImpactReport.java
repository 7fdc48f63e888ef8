package dev.hearken.review.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many distinct users reported a topic for an app since a day, by app version and day.
 *
 * @param total the sum of the daily counts: a user who reported on two days (or for two versions) is in both
 */
public record ImpactReport(String appId, String topic, LocalDate since, long total, List<Bucket> buckets) {

    /** Distinct users for one (app version, day). */
    public record Bucket(String appVersion, LocalDate day, long users) {
    }

    /** Users per app version and day ({@code version → day → users}), both sorted. */
    public Map<String, Map<LocalDate, Long>> usersByVersionAndDay() {
        Map<String, Map<LocalDate, Long>> byVersion = new TreeMap<>();
        for (Bucket b : buckets) {
            byVersion.computeIfAbsent(b.appVersion(), v -> new TreeMap<>()).merge(b.day(), b.users(), Long::sum);
        }
        return byVersion;
    }

    /** Users per app version over the whole window (the sum of its days), sorted by version. */
    public Map<String, Long> usersByVersion() {
        Map<String, Long> totals = new TreeMap<>();
        for (Bucket b : buckets) {
            totals.merge(b.appVersion(), b.users(), Long::sum);
        }
        return totals;
    }
}

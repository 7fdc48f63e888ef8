package dev.hearken.review.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * How many distinct users reported a topic for an app since a day, by app version and day.
 *
 * @param total the sum of the daily counts: a user who reported on two days (or for two versions) is in both
 */
public record ImpactReport(String appId, String topic, LocalDate since, long total, List<Bucket> buckets) {

    /** Distinct users for one (app version, day). */
    public record Bucket(String appVersion, LocalDate day, long users) {
    }
}

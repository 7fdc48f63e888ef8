package dev.hearken.review.ingest;

import java.time.LocalDate;

/** Port: distinct reviewers per (app, topic, app version, day), counted atomically and at most once each. */
public interface ImpactCounter {

    /**
     * Counts {@code reviewer} for the bucket unless already counted.
     *
     * @return whether this call counted them (false: they were already in the bucket)
     */
    boolean count(String appId, String topic, String appVersion, LocalDate day, String reviewer);
}
